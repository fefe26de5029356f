/* SPDX-License-Identifier: MIT */
/* lf_gen_split.c: class SPLIT of the random program generator.  Some
 * of kernel's own nests move into static functions with kernel's
 * parameters, and kernel calls them where the nests were, one operator
 * per function as inference code is written.  Fusion across calls then
 * meets every shape the generator writes, not only those of class
 * CALLS.  The program computes the same either way: kernel has no
 * locals, so a moved nest sees the same names.
 */
#include <stdlib.h>
#include <string.h>

#include "lf_gen.h"

static unsigned long long split_rng;

static unsigned split_rand(unsigned n)
{
	split_rng ^= split_rng << 13;
	split_rng ^= split_rng >> 7;
	split_rng ^= split_rng << 17;
	return (unsigned) (split_rng >> 11) % n;
}

/* Does the program of "seed" get class SPLIT (always if "force")?
 * Draws on a random stream of its own.
 */
int lf_split_choose(unsigned long long seed, int force)
{
	split_rng = seed * 0xbf58476d1ce4e5b9ULL + 0x94d049bb133111ebULL;
	if (!split_rng)
		split_rng = 1;
	return split_rand(100) < 15 || force;
}

/* Append to "text" the "len" bytes at "s".
 */
static void split_put(struct lf_text *text, const char *s, size_t len)
{
	lf_text_printf(text, "%.*s", (int) len, s);
}

/* Move nests of "split" (their text in "body") into functions with
 * parameters "params", printed to "funcs", and print to "out" the body
 * with a call, with arguments "args", in place of each moved nest.
 * Each nest moves with probability 2/3, the first one always if none
 * else does.
 */
void lf_split_apply(const struct lf_split *split,
	const char *body, const char *params, const char *args,
	struct lf_text *funcs, struct lf_text *out)
{
	size_t at = 0;
	int moved = 0;
	int i;

	for (i = 0; i < split->n; i++) {
		const struct lf_split_nest *nest = &split->nest[i];
		int last = i == split->n - 1;

		split_put(out, body + at, nest->start - at);
		at = nest->end;
		if (split_rand(3) == 0 && !(last && !moved)) {
			split_put(out, body + nest->start,
				nest->end - nest->start);
			continue;
		}
		lf_text_printf(funcs, "static void kernel_op%d(%s)\n{\n", i,
			params);
		split_put(funcs, body + nest->start, nest->end - nest->start);
		lf_text_printf(funcs, "}\n\n");
		lf_text_printf(out, "\tkernel_op%d(%s);\n", i, args);
		moved = 1;
	}
	lf_text_printf(out, "%s", body + at);
}
