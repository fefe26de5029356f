/* SPDX-License-Identifier: MIT */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "lf_report.h"
#include "lf_rules.h"
#include "lf_say.h"

/* The audit as one JSON document; docs/audit.md describes the schema.
 * Nests are numbered from 1 in each function, as in the text format.
 */

#define LF_REPORT_JSON_SCHEMA "loopfuse-audit"
#define LF_REPORT_JSON_VERSION 2

static __isl_give struct json_object *lf_json_str(__isl_keep const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

/* A JSON string of "s", which this takes.
 */
static __isl_give struct json_object *lf_json_take(__isl_take char *s)
{
	struct json_object *obj = lf_json_str(s);

	free(s);
	return obj;
}

static void lf_json_add(__isl_keep struct json_object *obj,
	__isl_keep const char *key, __isl_take struct json_object *value)
{
	json_object_object_add(obj, key, value);
}

static __isl_give struct json_object *lf_json_loc(__isl_keep const char *path,
	struct lf_loc loc)
{
	struct json_object *obj = json_object_new_object();

	lf_json_add(obj, "file", lf_json_str(path));
	lf_json_add(obj, "line", json_object_new_int(loc.line));
	lf_json_add(obj, "column", json_object_new_int(loc.col));
	return obj;
}

static __isl_give struct json_object *lf_json_strs(char **strs, int n)
{
	struct json_object *arr = json_object_new_array();
	int i;

	for (i = 0; strs && i < n; ++i)
		json_object_array_add(arr, lf_json_str(strs[i]));
	return arr;
}

/* The n pairs of names of "apart", [["x", "y"], ...].
 */
static struct json_object *lf_json_apart(char **apart, int n)
{
	struct json_object *arr = json_object_new_array();
	int i;

	for (i = 0; i < n; ++i)
		json_object_array_add(arr, lf_json_strs(apart + 2 * i, 2));
	return arr;
}

static struct json_object *lf_json_ints(const int *v, int n)
{
	struct json_object *arr = json_object_new_array();
	int i;

	for (i = 0; i < n; ++i)
		json_object_array_add(arr, json_object_new_int(v[i]));
	return arr;
}

static __isl_give struct json_object *lf_json_ref(__isl_keep const char *path,
	__isl_keep const struct lf_audit_ref *ref)
{
	struct json_object *obj = json_object_new_object();

	lf_json_add(obj, "access", lf_json_str(ref->text));
	lf_json_add(obj, "array", lf_json_str(ref->array));
	lf_json_add(obj, "access_kind",
		    json_object_new_string(ref->write ? "write" : "read"));
	lf_json_add(obj, "location", lf_json_loc(path, ref->loc));
	lf_json_add(obj, "statement", lf_json_str(ref->stmt));
	lf_json_add(obj, "statement_target", lf_json_str(ref->target));
	lf_json_add(obj, "statement_location",
		    lf_json_loc(path, ref->stmt_loc));
	lf_json_add(obj, "nest", json_object_new_int(ref->nest + 1));
	return obj;
}

static __isl_give struct json_object *lf_json_example(
	__isl_keep const struct lf_audit_dep *dep)
{
	struct json_object *obj;

	if (!dep->example_source)
		return NULL;
	obj = json_object_new_object();
	lf_json_add(obj, "source", lf_json_str(dep->example_source));
	lf_json_add(obj, "sink", lf_json_str(dep->example_sink));
	lf_json_add(obj, "parameters", lf_json_str(dep->example_params));
	return obj;
}

static __isl_give struct json_object *lf_json_dep(__isl_keep const char *path,
	__isl_keep const struct lf_audit_dep *dep, int kept)
{
	struct json_object *obj = json_object_new_object();

	lf_json_add(obj, "kind",
		    json_object_new_string(lf_dep_kind_name(dep->kind)));
	lf_json_add(obj, "array", lf_json_str(dep->sink.array));
	lf_json_add(obj, "source", lf_json_ref(path, &dep->source));
	lf_json_add(obj, "sink", lf_json_ref(path, &dep->sink));
	lf_json_add(obj, "iteration", lf_json_str(dep->iteration));
	lf_json_add(obj, "example", lf_json_example(dep));
	lf_json_add(obj, "relation", lf_json_str(dep->relation));
	if (!kept)
		return obj;
	lf_json_add(obj, "distance", lf_json_strs(dep->distance,
						   dep->n_distance));
	lf_json_add(obj, "message", lf_json_take(lf_say_dep_kept(dep)));
	return obj;
}

/* "reason", under rule "r" (for a pair, the pair's rule: a shifted
 * pair's dependence is why it needs the shift).
 */
static __isl_give struct json_object *lf_json_reason(
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_reason *reason, enum lf_rule r)
{
	const struct lf_rule_info *rule = &lf_rules()[r];
	struct json_object *obj = json_object_new_object();
	struct lf_loc loc = reason->reason ? reason->reason->loc :
			    reason->dep.sink.loc;

	lf_json_add(obj, "rule", json_object_new_string(rule->id));
	lf_json_add(obj, "rule_name", json_object_new_string(rule->name));
	lf_json_add(obj, "message", lf_json_take(lf_say_audit_reason(reason)));
	lf_json_add(obj, "location", lf_json_loc(path, loc));
	lf_json_add(obj, "dependence", reason->has_dep ?
		    lf_json_dep(path, &reason->dep, 0) : NULL);
	return obj;
}

static __isl_give struct json_object *lf_json_nest(__isl_keep const char *path,
	__isl_keep const struct lf_audit_nest *nest, int i)
{
	struct json_object *obj = json_object_new_object();

	lf_json_add(obj, "id", json_object_new_int(i + 1));
	lf_json_add(obj, "call", nest->call ?
		    json_object_new_string(nest->call) : NULL);
	lf_json_add(obj, "call_nests", json_object_new_int(nest->n_call_nest));
	lf_json_add(obj, "run", nest->run >= 0 ?
		    json_object_new_int(nest->run) : NULL);
	lf_json_add(obj, "location", lf_json_loc(path, nest->loc));
	lf_json_add(obj, "end", lf_json_loc(path, nest->end_loc));
	lf_json_add(obj, "modeled", json_object_new_boolean(!nest->opaque));
	lf_json_add(obj, "depth", json_object_new_int(nest->depth));
	lf_json_add(obj, "loops", lf_json_strs(nest->iters, nest->perfect));
	lf_json_add(obj, "reason", nest->opaque ?
		    lf_json_reason(path, &nest->reason,
				   lf_rule_of_audit(&nest->reason)) : NULL);
	return obj;
}

static __isl_give struct json_object *lf_json_pair(__isl_keep const char *path,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	struct json_object *obj = json_object_new_object();
	int fusable = pair->verdict == LF_VERDICT_FUSABLE ||
		      pair->verdict == LF_VERDICT_FUSABLE_SHIFT;
	int has_reason = pair->verdict != LF_VERDICT_FUSABLE;
	char *verdict = lf_report_pair_verdict(fn, pair);
	int nests[2] = { pair->first + 1, pair->first + 2 };

	lf_json_add(obj, "nests", lf_json_ints(nests, 2));
	lf_json_add(obj, "location",
		    lf_json_loc(path, lf_report_pair_loc(fn, pair)));
	lf_json_add(obj, "verdict",
		    json_object_new_string(lf_verdict_name(pair->verdict)));
	lf_json_add(obj, "rule", json_object_new_string(
		lf_rules()[lf_rule_of_pair(pair)].id));
	lf_json_add(obj, "message", lf_json_str(verdict));
	free(verdict);
	lf_json_add(obj, "depth", json_object_new_int(pair->depth));
	lf_json_add(obj, "max_depth", json_object_new_int(pair->max_depth));
	lf_json_add(obj, "loops", lf_json_strs(fn->nests[pair->first].iters,
					       pair->depth));
	lf_json_add(obj, "tilable", json_object_new_boolean(pair->tilable));
	lf_json_add(obj, "shift", pair->verdict == LF_VERDICT_FUSABLE_SHIFT ?
		    lf_json_ints(pair->shift, pair->depth) : NULL);
	lf_json_add(obj, "fused", json_object_new_boolean(pair->fused));
	lf_json_add(obj, "apart", lf_json_apart(pair->apart, pair->n_apart));
	lf_json_add(obj, "plan_reason", fusable && !pair->fused &&
		    pair->plan_reason ?
		    lf_json_take(lf_say_reason(pair->plan_reason)) : NULL);
	lf_json_add(obj, "reason", has_reason ?
		    lf_json_reason(path, &pair->reason,
				   lf_rule_of_pair(pair)) : NULL);
	lf_json_add(obj, "limit", pair->limit ?
		    lf_json_reason(path, pair->limit,
				   lf_rule_of_audit(pair->limit)) : NULL);
	return obj;
}

static __isl_give struct json_object *lf_json_group(__isl_keep const char *path,
	__isl_keep const struct lf_audit_group *group)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *nests = json_object_new_array();
	struct json_object *shifts = json_object_new_array();
	struct json_object *tiles;
	struct json_object *deps = json_object_new_array();
	int i;

	for (i = 0; i < group->n; ++i) {
		int id = group->first + i + 1;

		json_object_array_add(nests, json_object_new_int(id));
		json_object_array_add(shifts, lf_json_ints(group->shift[i],
							   group->depth));
	}
	tiles = lf_json_ints(group->tile_sizes,
			     group->tiled ? group->depth : 0);
	for (i = 0; i < group->n_dep; ++i)
		json_object_array_add(deps,
				      lf_json_dep(path, &group->deps[i], 1));
	lf_json_add(obj, "nests", nests);
	lf_json_add(obj, "calls", lf_json_strs(group->calls, group->n_call));
	lf_json_add(obj, "location", lf_json_loc(path, group->loc));
	lf_json_add(obj, "depth", json_object_new_int(group->depth));
	lf_json_add(obj, "loops", lf_json_strs(group->iters, group->depth));
	lf_json_add(obj, "tiled", json_object_new_boolean(group->tiled));
	lf_json_add(obj, "tile_sizes", tiles);
	lf_json_add(obj, "shifts", shifts);
	lf_json_add(obj, "apart", lf_json_apart(group->apart, group->n_apart));
	lf_json_add(obj, "message", lf_json_take(lf_say_group_summary(group)));
	lf_json_add(obj, "dependences", deps);
	lf_json_add(obj, "dependences_complete",
		    json_object_new_boolean(!group->incomplete));
	return obj;
}

static __isl_give struct json_object *lf_json_function(
	__isl_keep const char *path,
	__isl_keep const struct lf_audit_function *fn)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *nests = json_object_new_array();
	struct json_object *pairs = json_object_new_array();
	struct json_object *groups = json_object_new_array();
	int i;

	for (i = 0; i < fn->n_nest; ++i)
		json_object_array_add(nests,
				      lf_json_nest(path, &fn->nests[i], i));
	for (i = 0; i < fn->n_pair; ++i)
		json_object_array_add(pairs,
				      lf_json_pair(path, fn, &fn->pairs[i]));
	for (i = 0; i < fn->n_group; ++i)
		json_object_array_add(groups,
				      lf_json_group(path, &fn->groups[i]));
	lf_json_add(obj, "name", lf_json_str(fn->name));
	lf_json_add(obj, "location", lf_json_loc(path, fn->loc));
	lf_json_add(obj, "nests", nests);
	lf_json_add(obj, "pairs", pairs);
	lf_json_add(obj, "groups", groups);
	return obj;
}

static __isl_give struct json_object *lf_json_summary(
	__isl_keep const struct lf_audit *audit)
{
	struct json_object *obj = json_object_new_object();
	int f, nests = 0, pairs = 0, calls = lf_audit_count_calls(audit);

	for (f = 0; f < audit->n_function; ++f) {
		nests += audit->functions[f].n_nest;
		pairs += audit->functions[f].n_pair;
	}
	lf_json_add(obj, "functions", json_object_new_int(audit->n_function));
	lf_json_add(obj, "nests", json_object_new_int(nests - calls));
	lf_json_add(obj, "calls", json_object_new_int(calls));
	lf_json_add(obj, "pairs", json_object_new_int(pairs));
	lf_json_add(obj, "fusable", json_object_new_int(
		lf_audit_count(audit, LF_VERDICT_FUSABLE)));
	lf_json_add(obj, "fusable_with_shift", json_object_new_int(
		lf_audit_count(audit, LF_VERDICT_FUSABLE_SHIFT)));
	lf_json_add(obj, "illegal", json_object_new_int(
		lf_audit_count(audit, LF_VERDICT_ILLEGAL)));
	lf_json_add(obj, "not_analysable", json_object_new_int(
		lf_audit_count(audit, LF_VERDICT_NOT_ANALYSABLE)));
	lf_json_add(obj, "groups", json_object_new_int(
		lf_audit_count_groups(audit, 0)));
	lf_json_add(obj, "tiled_alone", json_object_new_int(
		lf_audit_count_groups(audit, 1)));
	return obj;
}

static __isl_give struct json_object *lf_json_tool(void)
{
	struct json_object *obj = json_object_new_object();

	lf_json_add(obj, "name", json_object_new_string("loopfuse"));
	lf_json_add(obj, "version", json_object_new_string(LOOPFUSE_VERSION));
	return obj;
}

static __isl_give struct json_object *lf_json_options(
	__isl_keep const struct lf_audit *audit)
{
	struct json_object *obj = json_object_new_object();

	const struct lf_options *o = &audit->options;

	lf_json_add(obj, "tile_size", json_object_new_int(o->tile_size));
	lf_json_add(obj, "tile_sizes", lf_json_ints(o->tile_sizes,
						    o->n_tile_sizes));
	lf_json_add(obj, "cache_l1", json_object_new_int64(o->cache_l1));
	lf_json_add(obj, "cache_l2", json_object_new_int64(o->cache_l2));
	lf_json_add(obj, "assume_no_alias",
		    json_object_new_boolean(o->assume_no_alias));
	lf_json_add(obj, "alias_checks", json_object_new_boolean(
		!o->assume_no_alias && !o->no_alias_checks));
	lf_json_add(obj, "fuse_all", json_object_new_boolean(o->fuse_all));
	return obj;
}

__isl_give char *lf_report_json(__isl_keep const struct lf_audit *audit)
{
	struct json_object *doc = json_object_new_object();
	struct json_object *fns = json_object_new_array();
	const char *s;
	char *out = NULL;
	int f;

	if (!doc || !fns) {
		json_object_put(doc);
		json_object_put(fns);
		return NULL;
	}
	for (f = 0; f < audit->n_function; ++f)
		json_object_array_add(fns, lf_json_function(audit->path,
			&audit->functions[f]));
	lf_json_add(doc, "schema", json_object_new_string(
		LF_REPORT_JSON_SCHEMA));
	lf_json_add(doc, "schema_version",
		    json_object_new_int(LF_REPORT_JSON_VERSION));
	lf_json_add(doc, "tool", lf_json_tool());
	lf_json_add(doc, "file", lf_json_str(audit->path));
	lf_json_add(doc, "options", lf_json_options(audit));
	lf_json_add(doc, "functions", fns);
	lf_json_add(doc, "summary", lf_json_summary(audit));
	s = json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY |
		JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s) {
		out = malloc(strlen(s) + 2);
		if (out)
			sprintf(out, "%s\n", s);
	}
	json_object_put(doc);
	return out;
}
