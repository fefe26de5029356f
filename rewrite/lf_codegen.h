#ifndef LF_CODEGEN_H
#define LF_CODEGEN_H

#include "lf_model.h"
#include "lf_plan.h"

char *lf_codegen_group(struct lf_file *file, struct lf_plan *plan, int g);

#endif
