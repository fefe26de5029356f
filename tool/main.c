#include "lf_cli.h"

int main(int argc, char **argv)
{
	struct lf_cli_options options;
	int done;

	if (lf_cli_parse(argc, argv, &options, &done) < 0)
		return LF_EXIT_USAGE;
	if (done)
		return LF_EXIT_OK;
	return lf_cli_run(&options);
}
