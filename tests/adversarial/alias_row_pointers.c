/*
 * Class: aliasing that really happens / rows reached through pointers.
 *
 * Attacks: "float **restrict p" indexed as p[i][j].  restrict speaks of
 * the array of row pointers, not of the rows: the rows are loaded from
 * memory and may overlap each other.  Here p[i] = buf + (R - i), so
 * p[i][0] is p[i + 1][1].  The first nest writes p[i][1], the second
 * reads p[i][0], which is what the first wrote in its iteration i + 1:
 * a tool that reads p[i][j] as element (i, j) of a 2-D array sees no
 * dependence, fuses the nests, and the reads come before the writes.
 */
#include <stdio.h>

#define R 64

static float buf[R + 2];
static float out[R];

static void kernel(float **restrict p, float *restrict o, int n)
{
	for (int i = 0; i < n; i++)
		p[i][1] = (float)i * 0.5f;
	for (int i = 0; i < n; i++)
		o[i] = p[i][0] + 1.0f;
}

int main(void)
{
	float *rows[R];
	unsigned h = 0;

	for (int i = 0; i < R; i++)
		rows[i] = buf + (R - i);
	kernel(rows, out, R);
	for (int i = 0; i < R; i++)
		h = h * 31u + (unsigned)(out[i] * 4.0f);
	printf("%a %a %u\n", out[0], out[R - 1], h);
	return 0;
}
