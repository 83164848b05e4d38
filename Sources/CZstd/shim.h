// Debian libzstd-dev: the streaming API Anki's packages need (their frames carry no content size).
#include <zstd.h>
#include <zstd_errors.h>
