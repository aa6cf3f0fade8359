/*
 * mem.h for the extension: the Zend request allocator, so memory the cores
 * take is accounted to the request, counted by memory_get_usage() and checked
 * by valgrind runs with USE_ZEND_ALLOC=0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "mem.h"

void *acu_mem_realloc(void *ptr, size_t size)
{
	return erealloc(ptr, size);
}

void acu_mem_free(void *ptr)
{
	if (ptr) {
		efree(ptr);
	}
}
