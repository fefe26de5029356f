// DISTINCT
/*
 * Class: comments and strings / CR and LF.
 *
 * Attacks: a line that ends in a lone carriage return (an old Mac line
 * end, which gcc and clang take for a new line) right after a //
 * comment between two nests; the next "line" is "#undef FAST_PATH".
 * A tool that looks for the end of a // comment at LF only takes the
 * directive for comment text: it sees nothing but a comment between
 * the nests, fuses them, and drops the directive.  Later code then
 * sees FAST_PATH defined and computes something else.
 */
#include <stdio.h>

#define FAST_PATH
#define N 8192

static float x[N], a[N], b[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		a[i] = x[i] * 2.0f;
	// no fast path below this point#undef FAST_PATH
	for (int i = 0; i < n; i++)
		b[i] = a[i] + 1.0f;
}

#ifdef FAST_PATH
#define MODE 1
#else
#define MODE 2
#endif

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 15);
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + b[i];
	printf("mode %d %a %a\n", MODE, b[N - 1], s);
	return 0;
}
