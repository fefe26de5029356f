/* SPDX-License-Identifier: MIT */
/* lf_gen.h: what the parts of the random program generator share
 * (lf_gen.c prints the program, lf_gen_alias.c the functions of class
 * RTCHECK, lf_gen_flat.c those of class FLAT, lf_gen_calls.c those of
 * class CALLS, lf_gen_split.c those of class SPLIT).
 */
#ifndef LF_GEN_H
#define LF_GEN_H

#include <stddef.h>

/* A growing string. */
struct lf_text {
	char *s;
	size_t len;
	size_t cap;
};

/* Append to "text", as printf would print; exits on failure. */
void lf_text_printf(struct lf_text *text, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Class RTCHECK: a function over pointer parameters without restrict
 * (and sometimes globals), which main calls several times with
 * distinct, equal, overlapping, touching and empty ranges, so that
 * loopfuse's run-time alias checks are taken both ways.
 *   on       whether the program has the class;
 *   overlap  whether some call makes two names of the function share
 *            memory (the program is not "distinct" then);
 *   top      what goes before main: macros, buffers, helpers and the
 *            function;
 *   main     what main runs after the rest: the calls, each on fresh
 *            input, and a dump of every byte they may change.
 */
struct lf_rtc {
	int on;
	int overlap;
	struct lf_text top;
	struct lf_text main;
};

/* Decide whether the program of "seed" gets class RTCHECK (always if
 * "force") and make its text.  Draws on a random stream of its own.
 */
void lf_rtc_generate(struct lf_rtc *rtc, unsigned long long seed, int force);
void lf_rtc_free(struct lf_rtc *rtc);

/* Class FLAT (lf_gen_flat.c): a function over flat "float *"
 * parameters indexed i * ld + j (and in three dimensions) with sizes
 * passed at run time, which main calls several times with sizes for
 * which the inner subscripts stay below their strides or not, and with
 * the parameters without restrict in one buffer or not.
 *   on       whether the program has the class;
 *   overlap  whether some call makes two parameters share memory;
 *   top      what goes before main: buffers, the function, helpers;
 *   main     the calls, each on fresh input, and a hash of every
 *            buffer after each.
 */
struct lf_flat {
	int on;
	int overlap;
	struct lf_text top;
	struct lf_text main;
};

/* Decide whether the program of "seed" gets class FLAT (always if
 * "force") and make its text.  Draws on a random stream of its own.
 */
void lf_flat_generate(struct lf_flat *flat, unsigned long long seed,
	int force);
void lf_flat_free(struct lf_flat *flat);

/* Class CALLS (lf_gen_calls.c): operators in static functions that a
 * kernel calls in turn, with its own nests between them.
 *   on    whether the program has the class;
 *   same  whether main passes one global for both of the kernel's
 *         pointer parameters (the program is not "distinct" then);
 *   top   what goes before main: macros, globals, the operators and
 *         the kernel;
 *   main  what main runs after the rest: fill, call, print hashes
 *         (with lf_hash).
 */
struct lf_ck {
	int on;
	int same;
	struct lf_text top;
	struct lf_text main;
};

void lf_ck_generate(struct lf_ck *ck, unsigned long long seed, int force);
void lf_ck_free(struct lf_ck *ck);

/* Class SPLIT (lf_gen_split.c): kernel's own nests moved into static
 * functions that kernel calls.
 *   n     how many nests kernel's run has;
 *   nest  where each is in the text of kernel's body: [start, end).
 */
#define LF_SPLIT_MAX_NEST	8

struct lf_split_nest {
	size_t start;
	size_t end;
};

struct lf_split {
	int n;
	struct lf_split_nest nest[LF_SPLIT_MAX_NEST];
};

int lf_split_choose(unsigned long long seed, int force);
void lf_split_apply(const struct lf_split *split, const char *body,
	const char *params, const char *args, struct lf_text *funcs,
	struct lf_text *out);

#endif
