/*
 * Allocator indirection for the Zend-free cores (tags.c, the XML scanners).
 *
 * In the extension these map to the Zend request allocator (mem_php.c); in
 * the fuzz and unit harnesses to malloc (fuzz/mem_std.c). A core never calls
 * malloc or emalloc directly, so the same object code runs in both worlds and
 * under both valgrind and ASan.
 *
 * acu_mem_realloc returns NULL only in the harness (malloc failure); the
 * Zend allocator bails out of the request instead. Callers check anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#ifndef ACUMULUS_MEM_H
#define ACUMULUS_MEM_H

#include <stddef.h>

void *acu_mem_realloc(void *ptr, size_t size);
void acu_mem_free(void *ptr);

#endif
