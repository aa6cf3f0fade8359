/*
 * Runs files through a harness's LLVMFuzzerTestOneInput without libFuzzer,
 * so a corpus or a crash input can be replayed under gcc, valgrind or gdb:
 *   out/fuzz/replay_tags FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf;
		long n;

		if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
			perror(argv[i]);
			return 1;
		}
		/* exact size, so an over-read is visible to valgrind */
		buf = malloc(n ? (size_t) n : 1);
		if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n) {
			perror(argv[i]);
			return 1;
		}
		fclose(f);
		LLVMFuzzerTestOneInput(buf, (size_t) n);
		free(buf);
	}
	printf("replayed %d inputs\n", argc - 1);
	return 0;
}
