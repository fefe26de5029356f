/* SPDX-License-Identifier: MIT */
#ifndef LF_BENCH_H
#define LF_BENCH_H

/* What the driver does with a buffer of a kernel.
 * Inputs are filled with reproducible values in [-1, 1);
 * padded inputs get a zero border one element wide in their last two
 * dimensions; outputs start at zero.  The bytes of every output and
 * in-out buffer are what the builds of a kernel are compared on;
 * scratch buffers start at zero and are not compared.
 */
enum lf_bench_role {
	lf_bench_in,
	lf_bench_in_pad,
	lf_bench_inout,
	lf_bench_out,
	lf_bench_tmp
};

/* A float array of dim[0] x dim[1] x dim[2] elements. */
struct lf_bench_buf {
	const char *name;
	enum lf_bench_role role;
	long dim[3];
};

/* A kernel file defines one of these, named lf_bench.
 * "run" calls the kernel once on the buffers, in the order of "buf";
 * the driver times "reps" calls in a row.
 */
struct lf_bench {
	const char *name;
	int reps;
	int n_buf;
	const struct lf_bench_buf *buf;
	void (*run)(float **buf);
};

extern const struct lf_bench lf_bench;

#endif
