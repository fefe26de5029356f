/*
 * Class: fusion across calls / member arguments.
 *
 * Attacks: an argument "s->w" or "l.out" is read once, at the call;
 * put in the callee's place as "(s->w)[i]" it is read at every access.
 * The two differ when the callee changes the member while it runs: a
 * store through a float ** that points to s->w, a store of a whole
 * struct over *s, char stores that copy another pointer's bytes over
 * it.  Members of
 * one layer point into one buffer at run time (out and delta overlap,
 * shifted by one element), so fused loops need their dependences or a
 * check.  A struct whose address the caller takes can change through
 * the callee's stores to a global pointer.  A formal bound to a member
 * that the callee does not only subscript (pointer arithmetic, "*x")
 * is attacked too.
 */
#include <stdio.h>
#include <string.h>

#define N 128

struct layer {
	float *out;
	float *delta;
	int n;
};

static float buf[2 * N + 2], other[N + 1], third[N + 1];
static float *third_ptr = third;
static struct layer *gl;

static void bump(float *y, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = y[i] + 1.0f;
}

static void retarget(float *y, float **slot, float *to, int n)
{
	for (int i = 0; i < n; i++) {
		y[i] = y[i] * 2.0f;
		slot[0] = to;
	}
}

static void overwrite(float *y, struct layer *dst, const struct layer *src,
		      int n)
{
	for (int i = 0; i < n; i++) {
		y[i] = y[i] + 3.0f;
		dst[0] = src[0];
	}
}

static void bytes(float *y, unsigned char *raw, const unsigned char *to,
		  int n)
{
	for (int i = 0; i < n; i++) {
		y[i] = y[i] - 1.0f;
		raw[i % sizeof(float *)] = to[i % sizeof(float *)];
	}
}

static void shift_copy(float *y, const float *x, int n)
{
	for (int i = 0; i < n; i++)
		y[i] = x[i + 1] * 0.5f;
}

static void via_global(float *y, int n)
{
	for (int i = 0; i < n; i++) {
		y[i] = y[i] + 0.25f;
		gl[0].n = n;
	}
}

static void arith(float *y, int n)
{
	for (int i = 1; i < n; i++)
		*(y + i) = y[i - 1] + 1.0f;
}

static void kernel(struct layer *s, struct layer l, struct layer *alt,
		   float **slot, unsigned char *raw, const unsigned char *to,
		   int n)
{
	struct layer m = l;

	bump(s->out, n);
	retarget(s->out, slot, other, n);
	bump(s->out, n);
	gl = &m;
	bump(s->out, n);
	overwrite(s->out, s, alt, n);
	bump(s->out, n);
	gl = &m;
	bump(s->out, n);
	bytes(s->out, raw, to, n);
	bump(s->out, n);
	gl = &m;
	bump(l.out, n);
	shift_copy(l.delta, l.out, n);
	bump(l.out, n);
	via_global(m.out, n);
	bump(m.out, n);
	arith(l.delta, n);
	bump(l.delta, n);
}

int main(void)
{
	struct layer s = { buf, buf + 1, N };
	struct layer alt = { other, other, N };
	struct layer r = { buf, buf + 1, N };
	unsigned h = 0;

	for (int i = 0; i < 2 * N + 2; i++)
		buf[i] = (float)(i % 7);
	kernel(&s, s, &alt, &s.out, (unsigned char *)&r.out,
	       (const unsigned char *)&third_ptr, N);
	kernel(&r, r, &alt, &r.out, (unsigned char *)&r.out,
	       (const unsigned char *)&third_ptr, N);
	for (int i = 0; i < 2 * N + 2; i++)
		h = h * 31u + (unsigned)(buf[i] * 8.0f);
	for (int i = 0; i < N + 1; i++)
		h = h * 31u + (unsigned)(other[i] * 8.0f);
	for (int i = 0; i < N + 1; i++)
		h = h * 31u + (unsigned)(third[i] * 8.0f);
	printf("%u %a %a\n", h, buf[3], other[2]);
	return 0;
}
