// RUN-ARGS: --function=saxpy_relu
// EXPECT-STDERR: :14:[0-9]+: note: fused 2 loop nests into 1
/*
 * A file with CRLF line endings (stored as-is; see .gitattributes).
 */
#include <stdio.h>

#define N 4000

static float x[N], y[N], z[N];

static void saxpy_relu(void)
{
	for (int i = 0; i < N; i++)
		z[i] = 1.5f * x[i] + y[i];
	for (int i = 0; i < N; i++)
		z[i] = z[i] > 0.0f ? z[i] : 0.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++) {
		x[i] = (float)(i % 17 - 8);
		y[i] = (float)(i % 5 - 2) * 3.0f;
	}
	saxpy_relu();
	fwrite(z, sizeof z, 1, stdout);
	return 0;
}
