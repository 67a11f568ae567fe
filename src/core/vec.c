/* A growable vector of fixed-size elements, and positions by id. */
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

void id_index_init(struct id_index *x)
{
    vec_init(&x->keys, sizeof(struct id_pos));
}

int id_index_add(struct id_index *x, long id)
{
    struct id_pos k = {id, x->keys.n};
    return vec_push(&x->keys, &k);
}

static int by_id(const void *a, const void *b)
{
    const struct id_pos *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

void id_index_ready(struct id_index *x)
{
    if (x->keys.n > 0)
        qsort(x->keys.data, x->keys.n, x->keys.size, by_id);
}

size_t id_index_count(const struct id_index *x)
{
    return x->keys.n;
}

long id_index_find(const struct id_index *x, long id)
{
    struct id_pos k = {id, 0};
    const struct id_pos *p =
        x->keys.n > 0 ? bsearch(&k, x->keys.data, x->keys.n, x->keys.size, by_id) : NULL;
    return p != NULL ? (long)p->at : -1;
}

void id_index_free(struct id_index *x)
{
    vec_free(&x->keys);
}
