// RUN-ARGS: --function=bump_then_double
// EXPECT-UNCHANGED
// EXPECT-STDERR: :24:[0-9]+: remark: not fused with the nest at line 25: call to bump\(\) has side effects
/*
 * A call to a function defined in the file that writes a global (it
 * counts its calls), so calling it is not side-effect free.
 */
#include <stdio.h>

#define N 1000

static float a[N], b[N], c[N];
static int bumps;

static float bump(float v)
{
	bumps++;
	return v + 1.0f;
}

static void bump_then_double(void)
{
	for (int i = 0; i < N; i++)
		b[i] = bump(a[i]);
	for (int i = 0; i < N; i++)
		c[i] = b[i] * 2.0f;
}

int main(void)
{
	for (int i = 0; i < N; i++)
		a[i] = (float)(i % 10);
	bump_then_double();
	fwrite(b, sizeof b, 1, stdout);
	fwrite(c, sizeof c, 1, stdout);
	fwrite(&bumps, sizeof bumps, 1, stdout);
	return 0;
}
