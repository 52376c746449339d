// libFuzzer's driver entry (present when linking with -sanitize=fuzzer); declared here so Swift can call it with C
// calling conventions. Only referenced when the FUZZING compilation condition is set.
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
