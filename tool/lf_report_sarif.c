/* SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "lf_buf.h"
#include "lf_report.h"
#include "lf_rules.h"
#include "lf_say.h"

/* The audit as a SARIF 2.1.0 log: one run, every rule of
 * lf_rules() in the driver (ruleIndex is the position there),
 * one result per pair of nests and per fusion group.  Regions are
 * 1-based lines and columns (columns count bytes, as the text format
 * does); the file is the only artifact.
 */

#define LF_SARIF_SCHEMA "https://docs.oasis-open.org/sarif/sarif/v2.1.0/" \
	"errata01/os/schemas/sarif-schema-2.1.0.json"

static void lf_sarif_add(__isl_keep struct json_object *obj,
	__isl_keep const char *key, __isl_take struct json_object *value)
{
	if (value)
		json_object_object_add(obj, key, value);
}

static __isl_give struct json_object *lf_sarif_text(__isl_keep const char *text)
{
	struct json_object *obj = json_object_new_object();

	lf_sarif_add(obj, "text", json_object_new_string(text ? text : ""));
	return obj;
}

/* A path as a URI reference: unreserved characters and '/' stay, the
 * rest is percent-encoded; an absolute path becomes a file: URI.
 */
static __isl_give char *lf_sarif_uri(__isl_keep const char *path)
{
	static const char *keep = "-._~/";
	struct lf_buf buf;
	const unsigned char *p;

	lf_buf_init(&buf);
	if (path[0] == '/')
		lf_buf_add_str(&buf, "file://");
	for (p = (const unsigned char *) path; *p; ++p) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(keep, *p))
			lf_buf_add_char(&buf, *p);
		else
			lf_buf_printf(&buf, "%%%02X", *p);
	}
	return lf_buf_take(&buf);
}

static __isl_give struct json_object *lf_sarif_physical(
	__isl_keep const char *uri, struct lf_loc loc)
{
	struct json_object *phys = json_object_new_object();
	struct json_object *art = json_object_new_object();
	struct json_object *region = json_object_new_object();

	lf_sarif_add(art, "uri", json_object_new_string(uri));
	lf_sarif_add(art, "index", json_object_new_int(0));
	lf_sarif_add(region, "startLine",
		     json_object_new_int(loc.line > 0 ? loc.line : 1));
	lf_sarif_add(region, "startColumn",
		     json_object_new_int(loc.col > 0 ? loc.col : 1));
	lf_sarif_add(phys, "artifactLocation", art);
	lf_sarif_add(phys, "region", region);
	return phys;
}

static __isl_give struct json_object *lf_sarif_location(
	__isl_keep const char *uri, struct lf_loc loc,
	__isl_keep const char *function)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *logical = json_object_new_array();
	struct json_object *fn = json_object_new_object();

	lf_sarif_add(obj, "physicalLocation", lf_sarif_physical(uri, loc));
	lf_sarif_add(fn, "name", json_object_new_string(function));
	lf_sarif_add(fn, "kind", json_object_new_string("function"));
	json_object_array_add(logical, fn);
	lf_sarif_add(obj, "logicalLocations", logical);
	return obj;
}

static void lf_sarif_related(__isl_keep struct json_object *related,
	__isl_keep const char *uri, struct lf_loc loc,
	__isl_keep const char *text)
{
	struct json_object *obj = json_object_new_object();
	size_t n = json_object_array_length(related);

	lf_sarif_add(obj, "id", json_object_new_int((int) n + 1));
	lf_sarif_add(obj, "physicalLocation", lf_sarif_physical(uri, loc));
	lf_sarif_add(obj, "message", lf_sarif_text(text));
	json_object_array_add(related, obj);
}

static void lf_sarif_related_ref(__isl_keep struct json_object *related,
	__isl_keep const char *uri, __isl_keep const struct lf_audit_ref *ref)
{
	struct lf_buf buf;
	char *text;

	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%s %s %s here (%s, nest %d)", ref->text,
		      ref->write ? "writes" : "reads", ref->array, ref->stmt,
		      ref->nest + 1);
	text = lf_buf_take(&buf);
	lf_sarif_related(related, uri, ref->loc, text);
	free(text);
}

static void lf_sarif_related_nest(__isl_keep struct json_object *related,
	__isl_keep const char *uri, __isl_keep const struct lf_audit_nest *nest,
	int i)
{
	char text[160];

	if (nest->call)
		snprintf(text, sizeof(text), "call %d to %.100s() (lines "
			 "%u-%u)", i + 1, nest->call, nest->loc.line,
			 nest->end_loc.line);
	else
		snprintf(text, sizeof(text), "nest %d (lines %u-%u)", i + 1,
			 nest->loc.line, nest->end_loc.line);
	lf_sarif_related(related, uri, nest->loc, text);
}

static void lf_sarif_related_reason(__isl_keep struct json_object *related,
	__isl_keep const char *uri,
	__isl_keep const struct lf_audit_reason *reason)
{
	if (!reason->has_dep)
		return;
	lf_sarif_related_ref(related, uri, &reason->dep.sink);
	lf_sarif_related_ref(related, uri, &reason->dep.source);
}

static __isl_give struct json_object *lf_sarif_result(enum lf_rule rule,
	__isl_keep const char *level, __isl_keep const char *text,
	__isl_take struct json_object *location)
{
	struct json_object *res = json_object_new_object();
	struct json_object *locs = json_object_new_array();

	json_object_array_add(locs, location);
	lf_sarif_add(res, "ruleId",
		     json_object_new_string(lf_rules()[rule].id));
	lf_sarif_add(res, "ruleIndex", json_object_new_int(rule));
	lf_sarif_add(res, "level", json_object_new_string(level));
	lf_sarif_add(res, "message", lf_sarif_text(text));
	lf_sarif_add(res, "locations", locs);
	return res;
}

static __isl_give struct json_object *lf_sarif_pair_props(
	__isl_keep const struct lf_audit_pair *pair)
{
	struct json_object *props = json_object_new_object();
	const struct lf_audit_reason *reason = pair->limit;

	if (pair->verdict != LF_VERDICT_FUSABLE)
		reason = &pair->reason;
	lf_sarif_add(props, "verdict",
		     json_object_new_string(lf_verdict_name(pair->verdict)));
	lf_sarif_add(props, "depth", json_object_new_int(pair->depth));
	lf_sarif_add(props, "tilable",
		     json_object_new_boolean(pair->tilable));
	lf_sarif_add(props, "fused", json_object_new_boolean(pair->fused));
	if (!reason || !reason->has_dep)
		return props;
	lf_sarif_add(props, "dependence", json_object_new_string(
		lf_dep_kind_name(reason->dep.kind)));
	if (reason->dep.relation)
		lf_sarif_add(props, "relation",
			     json_object_new_string(reason->dep.relation));
	if (reason->dep.iteration)
		lf_sarif_add(props, "iteration",
			     json_object_new_string(reason->dep.iteration));
	return props;
}

static __isl_give struct json_object *lf_sarif_pair(__isl_keep const char *uri,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_pair *pair)
{
	struct json_object *res, *related = json_object_new_array();
	char *title = lf_report_pair_title(fn, pair);
	char *verdict = lf_report_pair_verdict(fn, pair);
	struct lf_buf buf;
	char *text;
	int fusable = pair->verdict == LF_VERDICT_FUSABLE ||
		      pair->verdict == LF_VERDICT_FUSABLE_SHIFT;

	lf_buf_init(&buf);
	lf_buf_printf(&buf, "%s: %s", title ? title : "",
		      verdict ? verdict : "");
	if (pair->limit) {
		char *why = lf_say_audit_reason(pair->limit);

		lf_buf_printf(&buf, "; not deeper: %s", why ? why : "?");
		free(why);
	}
	free(title);
	free(verdict);
	text = lf_buf_take(&buf);
	res = lf_sarif_result(lf_rule_of_pair(pair),
		fusable ? "note" : "warning", text, lf_sarif_location(uri,
			lf_report_pair_loc(fn, pair), fn->name));
	free(text);
	if (pair->verdict != LF_VERDICT_FUSABLE)
		lf_sarif_related_reason(related, uri, &pair->reason);
	if (pair->limit)
		lf_sarif_related_reason(related, uri, pair->limit);
	lf_sarif_related_nest(related, uri, &fn->nests[pair->first],
			      pair->first);
	lf_sarif_related_nest(related, uri, &fn->nests[pair->first + 1],
			      pair->first + 1);
	lf_sarif_add(res, "relatedLocations", related);
	lf_sarif_add(res, "properties", lf_sarif_pair_props(pair));
	return res;
}

static __isl_give struct json_object *lf_sarif_group(__isl_keep const char *uri,
	__isl_keep const struct lf_audit_function *fn,
	__isl_keep const struct lf_audit_group *group)
{
	struct json_object *res, *related = json_object_new_array();
	char *title = lf_report_group_title(group);
	int i;

	res = lf_sarif_result(lf_rule_of_group(group), "note", title,
			      lf_sarif_location(uri, group->loc, fn->name));
	free(title);
	for (i = 0; i < group->n; ++i)
		lf_sarif_related_nest(related, uri,
				      &fn->nests[group->first + i],
				      group->first + i);
	for (i = 0; i < group->n_dep; ++i) {
		char *kept;

		if (lf_say_dep_repeats(group, i))
			continue;
		kept = lf_say_dep_kept(&group->deps[i]);
		lf_sarif_related(related, uri, group->deps[i].sink.stmt_loc,
				 kept ? kept : "?");
		free(kept);
	}
	lf_sarif_add(res, "relatedLocations", related);
	return res;
}

static __isl_give struct json_object *lf_sarif_results(
	__isl_keep const struct lf_audit *audit, __isl_keep const char *uri)
{
	struct json_object *results = json_object_new_array();
	int f, i;

	for (f = 0; f < audit->n_function; ++f) {
		const struct lf_audit_function *fn = &audit->functions[f];

		for (i = 0; i < fn->n_pair; ++i)
			json_object_array_add(results,
				lf_sarif_pair(uri, fn, &fn->pairs[i]));
		for (i = 0; i < fn->n_group; ++i)
			json_object_array_add(results,
				lf_sarif_group(uri, fn, &fn->groups[i]));
	}
	return results;
}

static __isl_give struct json_object *lf_sarif_rule(enum lf_rule r)
{
	const struct lf_rule_info *info = &lf_rules()[r];
	struct json_object *rule = json_object_new_object();
	struct json_object *config = json_object_new_object();
	int positive = r >= LF_RULE_FUSABLE;

	lf_sarif_add(rule, "id", json_object_new_string(info->id));
	lf_sarif_add(rule, "name", json_object_new_string(info->name));
	lf_sarif_add(rule, "shortDescription", lf_sarif_text(info->summary));
	lf_sarif_add(rule, "fullDescription", lf_sarif_text(info->summary));
	lf_sarif_add(rule, "help", lf_sarif_text(info->help));
	lf_sarif_add(config, "level",
		     json_object_new_string(positive ? "note" : "warning"));
	lf_sarif_add(rule, "defaultConfiguration", config);
	return rule;
}

static __isl_give struct json_object *lf_sarif_tool(void)
{
	struct json_object *tool = json_object_new_object();
	struct json_object *driver = json_object_new_object();
	struct json_object *rules = json_object_new_array();
	int r;

	for (r = 0; r < LF_RULE_N; ++r)
		json_object_array_add(rules, lf_sarif_rule(r));
	lf_sarif_add(driver, "name", json_object_new_string("loopfuse"));
	lf_sarif_add(driver, "version",
		     json_object_new_string(LOOPFUSE_VERSION));
	lf_sarif_add(driver, "semanticVersion",
		     json_object_new_string(LOOPFUSE_VERSION));
	lf_sarif_add(driver, "rules", rules);
	lf_sarif_add(tool, "driver", driver);
	return tool;
}

static __isl_give struct json_object *lf_sarif_run(
	__isl_keep const struct lf_audit *audit, __isl_keep const char *uri)
{
	struct json_object *run = json_object_new_object();
	struct json_object *artifacts = json_object_new_array();
	struct json_object *artifact = json_object_new_object();
	struct json_object *loc = json_object_new_object();
	struct json_object *invocations = json_object_new_array();
	struct json_object *invocation = json_object_new_object();

	lf_sarif_add(loc, "uri", json_object_new_string(uri));
	lf_sarif_add(artifact, "location", loc);
	lf_sarif_add(artifact, "sourceLanguage", json_object_new_string("c"));
	json_object_array_add(artifacts, artifact);
	lf_sarif_add(invocation, "executionSuccessful",
		     json_object_new_boolean(1));
	json_object_array_add(invocations, invocation);
	lf_sarif_add(run, "tool", lf_sarif_tool());
	lf_sarif_add(run, "invocations", invocations);
	lf_sarif_add(run, "artifacts", artifacts);
	lf_sarif_add(run, "results", lf_sarif_results(audit, uri));
	return run;
}

__isl_give char *lf_report_sarif(__isl_keep const struct lf_audit *audit)
{
	struct json_object *log = json_object_new_object();
	struct json_object *runs = json_object_new_array();
	char *uri = lf_sarif_uri(audit->path);
	const char *s = NULL;
	char *out = NULL;

	if (log && runs && uri) {
		json_object_array_add(runs, lf_sarif_run(audit, uri));
		lf_sarif_add(log, "$schema",
			     json_object_new_string(LF_SARIF_SCHEMA));
		lf_sarif_add(log, "version", json_object_new_string("2.1.0"));
		lf_sarif_add(log, "runs", runs);
		runs = NULL;
		s = json_object_to_json_string_ext(log,
			JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
			JSON_C_TO_STRING_NOSLASHESCAPE);
	}
	if (s) {
		out = malloc(strlen(s) + 2);
		if (out)
			sprintf(out, "%s\n", s);
	}
	json_object_put(runs);
	json_object_put(log);
	free(uri);
	return out;
}
