// RUN-ARGS: --function=affine_gate
// EXPECT-STDERR: :15:[0-9]+: note: fused 2 loop nests into 1
/*
 * C99 variably modified parameters: the sizes n and m come in as
 * parameters and the arrays are declared restrict, so they are distinct.
 */
#include <stdio.h>

#define ROWS 96
#define COLS 70

static void affine_gate(int n, int m, float x[restrict n][m],
                        float y[restrict n][m], float z[restrict n][m])
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            y[i][j] = 2.0f * x[i][j] - 1.0f;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            z[i][j] = y[i][j] * x[i][j];
}

static float X[ROWS][COLS], Y[ROWS][COLS], Z[ROWS][COLS];

int main(void)
{
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++)
            X[i][j] = (float)((i * 3 + j * 5) % 11) / 8.0f;
    affine_gate(ROWS, COLS, X, Y, Z);
    fwrite(Y, sizeof Y, 1, stdout);
    fwrite(Z, sizeof Z, 1, stdout);
    return 0;
}
