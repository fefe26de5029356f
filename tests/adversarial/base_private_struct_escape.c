/*
 * Class: invariant bases / members of a struct no pointer reaches.
 *
 * Attacks: a by-value struct's members are invariant when neither the
 * struct nor a member has its address taken and the loops assign no
 * member.  Each kernel breaks one of those: a pointer to l.n kept in a
 * global before the nests and written through inside them; the
 * address of the whole struct handed out and written through; a member
 * assigned inside the second nest; a copy of another struct assigned
 * to it in the loop.  A tool that takes l.n for a constant bound fuses
 * loops whose trip count changes while they run.
 */
#include <stdio.h>
#include <string.h>

#define N 256

struct blk {
	int n;
	int m;
	float *x;
	float *y;
};

static int *gp;

static void dump(const char *name, const float *p, int n)
{
	unsigned long h = 1469598103934665603UL;

	for (int i = 0; i < n; i++) {
		unsigned u;

		memcpy(&u, &p[i], sizeof u);
		h = (h ^ u) * 1099511628211UL;
	}
	printf("%s %016lx\n", name, h);
}

static void k_global_ptr(struct blk l)
{
	gp = &l.n;
	for (int i = 0; i < l.n; i++)
		l.x[i] = l.y[i] * 2.0f;
	for (int i = 0; i < l.n; i++) {
		l.y[i] = l.x[i] + 1.0f;
		if (i == 10)
			*gp = 20;
	}
}

static void k_whole_addr(struct blk l, struct blk **out)
{
	*out = &l;
	for (int i = 0; i < l.n; i++)
		l.x[i] = l.y[i] * 3.0f;
	for (int i = 0; i < l.n; i++) {
		l.y[i] = l.x[i] - 1.0f;
		(*out)->n = 30;
	}
}

static void k_member_write(struct blk l)
{
	for (int i = 0; i < l.n; i++)
		l.x[i] = l.y[i] * 0.5f;
	for (int i = 0; i < l.n; i++) {
		l.y[i] = l.x[i] + 0.25f;
		l.n = i < 40 ? l.n : 41;
	}
}

static void k_copy(struct blk l, struct blk other)
{
	for (int i = 0; i < l.n; i++)
		l.x[i] = l.y[i] + 2.0f;
	for (int i = 0; i < l.n; i++) {
		l.y[i] = l.x[i] * 0.75f;
		if (i == 50)
			l = other;
	}
}

int main(void)
{
	static float x[N], y[N];
	struct blk l, o;
	struct blk *keep;

	for (int i = 0; i < N; i++)
		y[i] = (float)(i % 13) * 0.5f;
	l.n = 200;
	l.m = 0;
	l.x = x;
	l.y = y;
	o = l;
	o.n = 60;
	k_global_ptr(l);
	dump("global", y, N);
	k_whole_addr(l, &keep);
	dump("whole", y, N);
	k_member_write(l);
	dump("member", y, N);
	k_copy(l, o);
	dump("copy", y, N);
	dump("x", x, N);
	return 0;
}
