/* SPDX-License-Identifier: MIT */
#include <string.h>

#include "lf_bench.h"
#include "lf_cli.h"
#include "lf_lsp.h"
#include "lf_write.h"

/* Run loopfuse, or "loopfuse bench ...", or with "lsp" its language
 * server, which speaks on stdout itself.  Whatever went to stdout (the
 * file, the diff, the report, the summary, the help) counts only once
 * stdout is closed: a write that failed on the way, or at the close,
 * makes the exit status 1.
 */
int main(int argc, char **argv)
{
	struct lf_cli_options options;
	int done, r;

	if (argc > 1 && !strcmp(argv[1], "lsp"))
		return lf_lsp_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "bench"))
		r = lf_bench_main(argc - 1, argv + 1);
	else if (lf_cli_parse(argc, argv, &options, &done) < 0)
		r = LF_EXIT_USAGE;
	else
		r = done ? LF_EXIT_OK : lf_cli_run(&options);
	if (lf_write_stdout_close(stderr) < 0 && r != LF_EXIT_USAGE)
		r = LF_EXIT_INPUT;
	return r;
}
