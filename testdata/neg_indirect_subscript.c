// RUN-ARGS: --function=lookup_scale
// EXPECT-UNCHANGED
// EXPECT-STDERR: :20:[0-9]+: remark: not fused with the nest at line 21: a\[idx\[i\]\]: subscript is not affine
/*
 * Table lookup (a gather, as in an embedding or a DSP lookup table)
 * followed by a scale.  The subscript a[idx[i]] depends on data, so the
 * first nest cannot be modeled and nothing is fused.
 */
#include <stdio.h>

#define TABLE 1024
#define N 4096

static float a[TABLE], g[N], out[N];
static int idx[N];

static void lookup_scale(void)
{
	for (int i = 0; i < N; i++)
		g[i] = a[idx[i]];
	for (int i = 0; i < N; i++)
		out[i] = g[i] * 0.5f + 1.0f;
}

int main(void)
{
	for (int i = 0; i < TABLE; i++)
		a[i] = (float)(i % 97) / 16.0f;
	for (int i = 0; i < N; i++)
		idx[i] = (i * 389) % TABLE;
	lookup_scale();
	fwrite(g, sizeof g, 1, stdout);
	fwrite(out, sizeof out, 1, stdout);
	return 0;
}
