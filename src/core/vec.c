/* A growable vector of fixed-size elements. */
#include <stdlib.h>
#include <string.h>

#include "tiendo/vec.h"

void vec_init(struct vec *v, size_t size)
{
    *v = (struct vec){NULL, 0, 0, size};
}

int vec_push(struct vec *v, const void *elem)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 32;
        char *d = realloc(v->data, cap * v->size);
        if (d == NULL)
            return -1;
        v->data = d;
        v->cap = cap;
    }
    memcpy(v->data + v->n * v->size, elem, v->size);
    v->n++;
    return 0;
}

void *vec_at(const struct vec *v, size_t i)
{
    return i < v->n ? v->data + i * v->size : NULL;
}

void vec_clear(struct vec *v)
{
    v->n = 0;
}

void vec_free(struct vec *v)
{
    free(v->data);
    vec_init(v, v->size);
}
