// RUN-ARGS: --function=scale_rows
// EXPECT-STDERR: :17:[0-9]+: note: fused 2 loop nests into 1
/*
 * size_t iterators, with the row count passed as a size_t parameter.
 */
#include <stddef.h>
#include <stdio.h>

#define MAXROWS 300
#define COLS 64

static float a[MAXROWS][COLS], w[COLS];
static float t[MAXROWS][COLS], out[MAXROWS][COLS];

static void scale_rows(size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < COLS; j++)
            t[i][j] = a[i][j] * w[j];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < COLS; j++)
            out[i][j] = t[i][j] + a[i][j];
}

int main(void)
{
    for (size_t i = 0; i < MAXROWS; i++)
        for (size_t j = 0; j < COLS; j++)
            a[i][j] = (float)((i * 3 + j * 19) % 27) / 9.0f;
    for (size_t j = 0; j < COLS; j++)
        w[j] = 1.0f - (float)j / 64.0f;
    scale_rows(250);
    fwrite(t, sizeof t, 1, stdout);
    fwrite(out, sizeof out, 1, stdout);
    return 0;
}
