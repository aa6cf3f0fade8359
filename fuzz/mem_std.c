/*
 * mem.h for the harnesses outside PHP: plain malloc, so ASan and valgrind see
 * every block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include "mem.h"

void *acu_mem_realloc(void *ptr, size_t size)
{
	return realloc(ptr, size ? size : 1);
}

void acu_mem_free(void *ptr)
{
	free(ptr);
}
