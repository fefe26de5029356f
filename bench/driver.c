/* SPDX-License-Identifier: MIT */
/* Benchmark driver linked with one kernel file.
 *
 *	KERNEL [-o FILE]
 *
 * allocates and fills the kernel's buffers, calls the kernel
 * lf_bench.reps times in a row and prints the time those calls took in
 * nanoseconds (CLOCK_MONOTONIC), the processor time they used in
 * nanoseconds (CLOCK_PROCESS_CPUTIME_ID) and the number of calls.
 * With -o, the bytes of the compared buffers are written to FILE.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lf_bench.h"

static size_t lf_bench_size(const struct lf_bench_buf *b)
{
	return (size_t) b->dim[0] * b->dim[1] * b->dim[2];
}

/* A reproducible value in [-1, 1) with 23 random bits. */
static float lf_bench_value(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return (float) (int32_t) (x >> 8) / 8388608.0f - 1.0f;
}

static int lf_bench_on_border(const struct lf_bench_buf *b, long r, long c)
{
	return r == 0 || r == b->dim[1] - 1 || c == 0 || c == b->dim[2] - 1;
}

static void lf_bench_fill(const struct lf_bench_buf *b, float *p, int k)
{
	uint32_t state = 0x9e3779b9u * (uint32_t) (k + 1);
	long i, r, c;

	for (i = 0; i < b->dim[0]; i++)
		for (r = 0; r < b->dim[1]; r++)
			for (c = 0; c < b->dim[2]; c++) {
				float v = lf_bench_value(&state);

				if (b->role == lf_bench_in_pad &&
				    lf_bench_on_border(b, r, c))
					v = 0.0f;
				*p++ = v;
			}
}

static int lf_bench_is_input(const struct lf_bench_buf *b)
{
	return b->role == lf_bench_in || b->role == lf_bench_in_pad ||
		b->role == lf_bench_inout;
}

static int lf_bench_is_compared(const struct lf_bench_buf *b)
{
	return b->role == lf_bench_out || b->role == lf_bench_inout;
}

/* Allocate every buffer 64-byte aligned and write all of it once,
 * so that no page is first touched in the timed calls.
 */
static float **lf_bench_alloc(void)
{
	float **buf = calloc(lf_bench.n_buf, sizeof *buf);
	int k;

	if (!buf)
		return NULL;
	for (k = 0; k < lf_bench.n_buf; k++) {
		const struct lf_bench_buf *b = &lf_bench.buf[k];
		size_t bytes = lf_bench_size(b) * sizeof(float);
		void *p;

		if (posix_memalign(&p, 64, bytes) != 0)
			return NULL;
		memset(p, 0, bytes);
		buf[k] = p;
		if (lf_bench_is_input(b))
			lf_bench_fill(b, buf[k], k);
	}
	return buf;
}

static int lf_bench_dump(const char *path, float **buf)
{
	FILE *f = fopen(path, "wb");
	int k, ok = f != NULL;

	for (k = 0; ok && k < lf_bench.n_buf; k++) {
		const struct lf_bench_buf *b = &lf_bench.buf[k];
		size_t n = lf_bench_size(b);

		if (lf_bench_is_compared(b))
			ok = fwrite(buf[k], sizeof(float), n, f) == n;
	}
	if (f && fclose(f) != 0)
		ok = 0;
	if (!ok)
		perror(path);
	return ok ? 0 : -1;
}

static long long lf_bench_ns(const struct timespec *t)
{
	return (long long) t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(int argc, char **argv)
{
	const char *out = NULL;
	struct timespec t0, t1, c0, c1;
	float **buf;
	int r;

	if (argc == 3 && strcmp(argv[1], "-o") == 0)
		out = argv[2];
	else if (argc != 1) {
		fprintf(stderr, "usage: %s [-o FILE]\n", argv[0]);
		return 2;
	}
	buf = lf_bench_alloc();
	if (!buf) {
		perror(lf_bench.name);
		return 1;
	}
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (r = 0; r < lf_bench.reps; r++)
		lf_bench.run(buf);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	printf("%lld %lld %d\n", lf_bench_ns(&t1) - lf_bench_ns(&t0),
		lf_bench_ns(&c1) - lf_bench_ns(&c0), lf_bench.reps);
	if (out && lf_bench_dump(out, buf) < 0)
		return 1;
	return 0;
}
