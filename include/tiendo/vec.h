/* A growable vector of fixed-size elements: what the store's _each readers fill, so that no
 * list has a cap. */
#ifndef TIENDO_VEC_H
#define TIENDO_VEC_H

#include <stddef.h>

struct vec {
    char *data;
    size_t n, cap, size; /* size: bytes of one element */
};

void vec_init(struct vec *v, size_t size);
/* Appends a copy of elem (size bytes); 0, or -1 when memory runs out (v unchanged). */
int vec_push(struct vec *v, const void *elem);
/* Element i, or NULL past the end. */
void *vec_at(const struct vec *v, size_t i);
void vec_clear(struct vec *v);
void vec_free(struct vec *v);

/* A callback of the store_*_each kind that pushes each row on the vector ctx (1 stops the loop
 * when memory runs out). */
#define VEC_KEEP(name, type)                                                                       \
    static int name(void *ctx, const type *row)                                                    \
    {                                                                                              \
        return vec_push(ctx, row) != 0;                                                            \
    }

/* Positions by id: the ids in the order they were added (positions 0, 1, …); once
 * id_index_ready has sorted them, an id's position is found by binary search, not by a scan
 * (the matrices look one up per cell the store hands them). */
struct id_index {
    struct vec keys; /* struct id_pos; sorted by id after id_index_ready */
};
struct id_pos {
    long id;
    size_t at;
};

void id_index_init(struct id_index *x);
/* The next position; 0, or -1 when memory runs out. Only before id_index_ready. */
int id_index_add(struct id_index *x, long id);
void id_index_ready(struct id_index *x);
/* How many ids; the position of id (after id_index_ready), or -1 when it was not added. */
size_t id_index_count(const struct id_index *x);
long id_index_find(const struct id_index *x, long id);
void id_index_free(struct id_index *x);

#endif
