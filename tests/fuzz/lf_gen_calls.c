/* SPDX-License-Identifier: MIT */
/* lf_gen_calls.c: class CALLS of lf_gen, programs whose nests are split
 * into static functions, one per operator, that a kernel calls in turn,
 * so that loopfuse fuses across the calls.
 *
 * The class writes 2 to 5 operators "ck_op<k>": each is a static void
 * function of one or two nests over 2-D arrays of DIM x DIM floats,
 * whose array formals are spelled "float y[CK_DIM][CK_DIM]",
 * "float (*y)[CK_DIM]" or "const float x[][CK_DIM]", with a float
 * coefficient and an int size as formals too.  The kernel ck_kernel
 * runs 3 to 7 steps, each a nest of its own or a call of an operator
 * with arguments drawn from the globals, the kernel's locals (a local
 * temporary array, passed from one call to the next; members of local
 * structs and of one reached through a pointer; offsets into a
 * global, which keep the call a call), the kernel's
 * pointer parameters (which main sometimes makes point to the same
 * global) and, for the scalars, the kernel's parameters, literals of
 * the formal's type or of another (converted by the call), a macro, and
 * sometimes an expression or a local whose address the kernel takes
 * (calls that must stay calls).  Some operators also read or
 * accumulate into a global scalar, or assign their coefficient formal
 * (so that their calls stay calls), and some declare their iterators
 * at the top of their body, C89 style.  main fills every array, calls the
 * kernel and prints an FNV-1a hash of each.
 *
 * Subscripts are the iterators plus an offset in {-1, 0, 1}, and loops
 * run from 1 to below the size, which is at most CK_DIM - 1, so every
 * access is in bounds; float values stay small (coefficients of
 * magnitude at most one half, sums over at most CK_DIM^2 terms scaled
 * by 1/4096), so no program has undefined behaviour.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lf_gen.h"

#define CK_PERCENT	10
#define CK_MAX_OP	5
#define CK_MAX_STEP	7
#define CK_N_GLOBAL	3

/* The random stream of the class. */
static unsigned long long ck_rng;

static unsigned ck_next(void)
{
	ck_rng ^= ck_rng << 13;
	ck_rng ^= ck_rng >> 7;
	ck_rng ^= ck_rng << 17;
	return (unsigned) (ck_rng >> 11);
}

static int ck_rand(int n)
{
	return (int) (ck_next() % (unsigned) n);
}

/* An operator: how many array formals it writes and reads, how its
 * formals are spelled, what it does besides, and whether it declares
 * its iterators at the top of its body (c89: 1 plainly, 2 as a long
 * and an int with a constant initialiser, 3 as 2 but a second nest's
 * bound reads j, as the first nest left it, which keeps its calls
 * calls).
 */
struct ck_op {
	int n_nest;
	int spelling;
	int global_read;
	int global_acc;
	int assigns;
	int c89;
};

static const char *const ck_coefs[] = { "0.5f", "0.25f", "-0.25f",
	"0.125f", "-0.5f" };

static const char *ck_coef(void)
{
	return ck_coefs[ck_rand(5)];
}

/* "[i - 1]", "[j]", "[j + 1]". */
static void ck_sub(struct lf_text *t, const char *iter)
{
	int off = ck_rand(4) - 1;

	if (off > 1 || off == 0)
		lf_text_printf(t, "[%s]", iter);
	else
		lf_text_printf(t, "[%s %c 1]", iter, off < 0 ? '-' : '+');
}

/* A formal array "name", written or read only, spelled one way. */
static void ck_formal(struct lf_text *t, int spelling, const char *name,
	int read_only)
{
	const char *c = read_only ? "const " : "";

	switch (spelling) {
	case 0:
		lf_text_printf(t, "%sfloat %s[CK_DIM][CK_DIM]", c, name);
		break;
	case 1:
		lf_text_printf(t, "%sfloat (*%s)[CK_DIM]", c, name);
		break;
	default:
		lf_text_printf(t, "%sfloat %s[][CK_DIM]", c, name);
		break;
	}
}

/* One statement of an operator: y[i][j] = or += a mix of x around
 * (i, j), y itself and the coefficient.
 */
static void ck_stmt(struct lf_text *t, const struct ck_op *op, int acc,
	const char *indent)
{
	lf_text_printf(t, "%sy[i][j] %s %s * x", indent, acc ? "+=" : "=",
		       ck_coef());
	ck_sub(t, "i");
	ck_sub(t, "j");
	if (acc)
		lf_text_printf(t, " * 0.0625f");
	else
		lf_text_printf(t, " + %s * y[i][j]", ck_coef());
	lf_text_printf(t, " + 0.125f * c");
	if (op->global_read)
		lf_text_printf(t, " + 0.125f * ck_gs");
	lf_text_printf(t, ";\n");
	if (acc)
		lf_text_printf(t, "%sy[i][j] = y[i][j] * 0.5f;\n", indent);
	if (op->global_acc)
		lf_text_printf(t, "%sck_gs = ck_gs * 0.5f + y[i][j] * "
			       "(1.0f / 4096.0f);\n", indent);
	if (op->assigns)
		lf_text_printf(t, "%sc = c * 0.5f;\n", indent);
}

static void ck_print_op(struct lf_text *t, int k, const struct ck_op *op)
{
	int nest, acc, braces;

	lf_text_printf(t, "static void ck_op%d(", k);
	ck_formal(t, op->spelling, "y", 0);
	lf_text_printf(t, ", ");
	ck_formal(t, (op->spelling + 1) % 3, "x", 1);
	lf_text_printf(t, ", float c, int n)\n{\n");
	if (op->c89 == 1)
		lf_text_printf(t, "\tint i, j;\n\n");
	else if (op->c89 > 1)
		lf_text_printf(t, "\tlong j;\n\tint i = 0;\n\n");
	for (nest = 0; nest < op->n_nest; nest++) {
		acc = ck_rand(3) == 0;
		braces = acc || op->global_acc || op->assigns;
		lf_text_printf(t, "\tfor (%si = 1; i < %s; i++)\n"
			       "\t\tfor (%sj = 1; j < n; j++)%s\n",
			       op->c89 ? "" : "int ",
			       op->c89 == 3 && nest > 0 ? "j" : "n",
			       op->c89 ? "" : "int ", braces ? " {" : "");
		ck_stmt(t, op, acc, "\t\t\t");
		if (braces)
			lf_text_printf(t, "\t\t}\n");
	}
	lf_text_printf(t, "}\n\n");
}

/* The arrays a step may use: the globals ck_g0.., the local ck_t, the
 * kernel's parameters p and q.
 */
static const char *const ck_arrays[] = { "ck_g0", "ck_g1", "ck_g2",
	"ck_t", "p", "q" };

static const char *ck_array(void)
{
	return ck_arrays[ck_rand(6)];
}

/* A float argument: the kernel's c, a literal of type float or double,
 * a macro, or one that keeps the call a call (an expression, a local
 * whose address is taken).
 */
static const char *ck_float_arg(void)
{
	static const char *const args[] = { "c", "0.5f", "0.25", "CK_HALF",
		"c", "ck_cl", "c * 0.5f", "ck_ca" };

	return args[ck_rand(8)];
}

/* An int argument: the size, a constant, a local, or an expression. */
static const char *ck_int_arg(void)
{
	static const char *const args[] = { "n", "n", "CK_DIM - 1", "ck_m",
		"7", "n - 1" };

	return args[ck_rand(6)];
}

/* An array argument of a call: one of ck_array's, or a member of one
 * of the kernel's structs (ck_sv, a local whose address is not taken,
 * ck_sp, a pointer to ck_st, whose address is taken), or a pointer
 * offset into ck_big (calls that stay calls).
 */
static const char *ck_array_arg(void)
{
	static const char *const args[] = { "ck_sv.a", "ck_sp->b", "ck_sv.b",
		"ck_sp->a", "ck_st.a", "ck_big + 1" };

	return ck_rand(6) ? ck_array() : args[ck_rand(6)];
}

/* A call of operator k. */
static void ck_print_call(struct lf_text *t, int k)
{
	const char *y = ck_array_arg(), *x = ck_array_arg();

	lf_text_printf(t, "\tck_op%d(%s, %s, %s, %s);\n", k, y, x,
		       ck_float_arg(), ck_int_arg());
}

/* A step of the kernel: a nest of its own, or a call (operator k is
 * then marked in "used").
 */
static void ck_print_step(struct lf_text *t, int n_op, int *used)
{
	const char *y = ck_array(), *x = ck_array();
	int k;

	if (ck_rand(3) == 0) {
		lf_text_printf(t, "\tfor (int i = 1; i < n; i++)\n"
			       "\t\tfor (int j = 1; j < n; j++)\n"
			       "\t\t\t%s[i][j] = %s * %s", y, ck_coef(), x);
		ck_sub(t, "i");
		ck_sub(t, "j");
		lf_text_printf(t, " + %s * %s[i][j];\n", ck_coef(), y);
		return;
	}
	k = ck_rand(n_op);
	used[k] = 1;
	ck_print_call(t, k);
}

static void ck_print_top(struct lf_text *t, int n_op, int n_step)
{
	struct ck_op ops[CK_MAX_OP];
	int used[CK_MAX_OP] = { 0 };
	int k;

	lf_text_printf(t, "#define CK_DIM 24\n#define CK_HALF 0.5f\n\n");
	for (k = 0; k < CK_N_GLOBAL; k++)
		lf_text_printf(t, "static float ck_g%d[CK_DIM][CK_DIM];\n", k);
	lf_text_printf(t, "static float ck_gs;\n"
		       "static float ck_big[CK_DIM + 2][CK_DIM];\n"
		       "struct ck_s {\n\tfloat (*a)[CK_DIM];\n"
		       "\tfloat (*b)[CK_DIM];\n};\n\n");
	for (k = 0; k < n_op; k++) {
		ops[k].n_nest = 1 + (ck_rand(4) == 0);
		ops[k].spelling = ck_rand(3);
		ops[k].global_read = ck_rand(5) == 0;
		ops[k].global_acc = ck_rand(6) == 0;
		ops[k].assigns = ck_rand(10) == 0;
		ops[k].c89 = ck_rand(3) ? 0 : 1 + ck_rand(3);
		ck_print_op(t, k, &ops[k]);
	}
	lf_text_printf(t, "static void ck_kernel(float (*p)[CK_DIM], "
		       "float (*q)[CK_DIM], float c, int n)\n{\n"
		       "\tfloat ck_t[CK_DIM][CK_DIM];\n"
		       "\tfloat ck_cl = c * 0.25f;\n"
		       "\tfloat ck_ca = 0.125f;\n"
		       "\tfloat *ck_pa = &ck_ca;\n"
		       "\tint ck_m = n - 2;\n"
		       "\tstruct ck_s ck_sv = { q, p };\n"
		       "\tstruct ck_s ck_st = { p, ck_g2 };\n"
		       "\tstruct ck_s *ck_sp = &ck_st;\n\n"
		       "\t(void) ck_sv;\n"
		       "\t(void) ck_sp;\n"
		       "\t(void) p;\n"
		       "\t(void) q;\n"
		       "\t(void) ck_cl;\n"
		       "\t(void) ck_m;\n"
		       "\tfor (int i = 0; i < CK_DIM; i++)\n"
		       "\t\tfor (int j = 0; j < CK_DIM; j++)\n"
		       "\t\t\tck_t[i][j] = 0.0f;\n");
	for (k = 0; k < n_step; k++)
		ck_print_step(t, n_op, used);
	/* Every operator is called, so that none is unused. */
	for (k = 0; k < n_op; k++)
		if (!used[k])
			ck_print_call(t, k);
	lf_text_printf(t, "\t*ck_pa = ck_ca * 0.5f;\n"
		       "\tfor (int i = 0; i < CK_DIM; i++)\n"
		       "\t\tfor (int j = 0; j < CK_DIM; j++)\n"
		       "\t\t\tck_g0[i][j] += ck_t[i][j] * ck_ca;\n}\n\n");
}

/* main's part: fill, call with p and q distinct or the same global,
 * print the hashes.  Uses lf_hash, which lf_gen's programs define;
 * the program of --only=calls defines its own.
 */
static void ck_print_main(struct lf_text *t, int same)
{
	int k;

	lf_text_printf(t, "\tfor (int i = 0; i < CK_DIM; i++)\n"
		       "\t\tfor (int j = 0; j < CK_DIM; j++) {\n");
	for (k = 0; k < CK_N_GLOBAL; k++)
		lf_text_printf(t, "\t\t\tck_g%d[i][j] = (float)((i * %d + j * "
			       "%d) %% 17 - 8) / 8.0f;\n", k, 3 + 2 * k,
			       5 + k);
	lf_text_printf(t, "\t\t}\n\tck_gs = 0.25f;\n"
		       "\tck_kernel(ck_g1, ck_g%d, 0.75f, CK_DIM - %d);\n",
		       same ? 1 : 2, 1 + ck_rand(3));
	for (k = 0; k < CK_N_GLOBAL; k++)
		lf_text_printf(t, "\tprintf(\"ck_g%d %%08x\\n\", "
			       "lf_hash(ck_g%d, sizeof(ck_g%d)));\n", k, k, k);
	lf_text_printf(t, "\tprintf(\"ck_big %%08x\\n\", "
		       "lf_hash(ck_big, sizeof(ck_big)));\n"
		       "\tprintf(\"ck_gs %%a\\n\", ck_gs);\n");
}

void lf_ck_generate(struct lf_ck *ck, unsigned long long seed, int force)
{
	memset(ck, 0, sizeof(*ck));
	ck_rng = seed * 0xd1342543de82ef95ULL + 0x9e3779b97f4a7c15ULL;
	if (!ck_rng)
		ck_rng = 1;
	ck_next();
	ck->on = force || ck_rand(100) < CK_PERCENT;
	if (!ck->on)
		return;
	ck->same = ck_rand(4) == 0;
	ck_print_top(&ck->top, 2 + ck_rand(CK_MAX_OP - 1),
		     3 + ck_rand(CK_MAX_STEP - 2));
	ck_print_main(&ck->main, ck->same);
}

void lf_ck_free(struct lf_ck *ck)
{
	free(ck->top.s);
	free(ck->main.s);
}
