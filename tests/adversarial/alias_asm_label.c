/*
 * Class: aliasing that really happens / asm labels.
 *
 * Attacks: "extern float mirror[N + 1] __asm__("store")" declares a
 * second C name for the assembler symbol of the array store.  To the
 * C front end they are two unrelated globals; to the linker, one
 * object.  The first nest writes store[i], the second reads
 * mirror[i + 1] (the element the first writes one iteration later);
 * fusing them without a shift reads it first.
 */
#include <stdio.h>

#define N 8192

float store[N + 1] __asm__("store");
extern float mirror[N + 1] __asm__("store");
static float x[N], y[N];

static void kernel(int n)
{
	for (int i = 0; i < n; i++)
		store[i] = x[i] + 1.0f;
	for (int i = 0; i < n; i++)
		y[i] = mirror[i + 1] * 3.0f + x[i];
}

int main(void)
{
	float s = 0.0f;

	for (int i = 0; i < N; i++)
		x[i] = (float)(i % 7);
	store[N] = -1.0f;
	kernel(N);
	for (int i = 0; i < N; i++)
		s = s * 0.5f + y[i];
	printf("%a %a %a\n", y[0], y[N - 1], s);
	return 0;
}
