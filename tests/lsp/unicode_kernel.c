/* SPDX-License-Identifier: MIT */
/*
 * Gain then offset over a signal, with text outside ASCII before and
 * on the lines of the nests ("é" is 2 bytes, "€" 3, "𝔘" 4 in UTF-8 and
 * a surrogate pair in UTF-16), so that positions differ in every
 * encoding.
 */
#define N 1048576

static float x[N], g[N], y[N];
static const char *label = "Größe €";

void gain_offset(float a, float b)
{
	/* é € 𝔘 */ for (int i = 0; i < N; i++)
		g[i] = x[i] * a; /* ×a */
	/* 𝔘𝔘 */ for (int i = 0; i < N; i++)
		y[i] = g[i] + b; /* «b» */
}

void twice(void)
{
	for (int i = 0; i < N; i++)
		g[i] = 2.0f * x[i];
	label = "ñ";
	for (int i = 0; i < N; i++)
		y[i] = g[i] * 0.5f;
}
