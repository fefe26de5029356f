// EXPECT-UNCHANGED
// EXPECT-STDERR: :23:[0-9]+: remark: not fused with the nest at line 24: call to toupper\(\) may have side effects: its body is not visible
/*
 * Old code that calls a function it never declares (no <ctype.h>).
 * C99 has no implicit declarations and clang refuses the call by
 * default, but gcc takes it with a warning, and so does loopfuse: the
 * undeclared function is one whose body it cannot see, so the nest
 * that calls it stays where it is.  gcc's warning is silenced here
 * only because the test wants a build without warnings.
 */
#ifndef __clang__
#pragma GCC diagnostic ignored "-Wimplicit-function-declaration"
#endif
#include <stdio.h>

#define N 4096

static int text[N], upper[N], shifted[N];

static void shout(void)
{
	for (int i = 0; i < N; i++)
		upper[i] = toupper(text[i]);
	for (int i = 0; i < N; i++)
		shifted[i] = upper[i] + text[i];
}

int main(void)
{
	for (int i = 0; i < N; i++)
		text[i] = 'a' + i % 26;
	shout();
	fwrite(upper, sizeof upper, 1, stdout);
	fwrite(shifted, sizeof shifted, 1, stdout);
	return 0;
}
