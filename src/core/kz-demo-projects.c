/* kz-demo-projects.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kz-demo"

#include "config.h"

#include "kz-demo-private.h"

/* Projects with their milestones and participating organisations.
 * More projects run than are cancelled; dates, health and spending
 * follow from the status. */

static const KzDemoChoice statuses[] = {
  { "idea", 6 }, { "planned", 12 }, { "applied", 10 }, { "running", 40 },
  { "completed", 20 }, { "paused", 5 }, { "cancelled", 4 },
};

static const KzDemoChoice health_ahead[] = {
  { "on_track", 85 }, { "at_risk", 15 },
};
static const KzDemoChoice health_running[] = {
  { "on_track", 62 }, { "at_risk", 28 }, { "off_track", 10 },
};
static const KzDemoChoice health_paused[] = {
  { "at_risk", 60 }, { "off_track", 40 },
};

static const guint participant_weights[] = { 45, 30, 17, 8 };

#define STATUS_IS(project, id) g_str_equal ((project)->status, id)

/* A pattern that suits the fields the lead organisation works in. */
static const KzDemoProjectPattern *
pick_pattern (KzDemo          *demo,
              const KzDemoOrg *lead)
{
  const KzDemoProjectPattern *pattern = NULL;

  for (guint attempt = 0; attempt < 12; attempt++)
    {
      guint field;

      pattern = &_kz_demo_pick (demo, _kz_demo_project_patterns);
      if (pattern->field_of_work == NULL)
        break;
      field = _kz_demo_term_index (&kz_vocab_field_of_work, pattern->field_of_work);
      if (lead->fields & (1u << field))
        break;
    }

  return pattern;
}

static void
project_dates (KzDemo        *demo,
               KzDemoProject *project)
{
  int *start = &project->start;
  int *end = &project->end;

  *start = *end = KZ_DEMO_NO_DATE;

  if (STATUS_IS (project, "idea"))
    {
      if (_kz_demo_chance (demo, 50))
        return;
      *start = _kz_demo_range (demo, 30, 365);
      *end = *start + _kz_demo_range (demo, 180, 730);
    }
  else if (STATUS_IS (project, "planned") || STATUS_IS (project, "applied"))
    {
      *start = _kz_demo_range (demo, 14, 300);
      *end = *start + _kz_demo_range (demo, 120, 900);
    }
  else if (STATUS_IS (project, "running") || STATUS_IS (project, "paused"))
    {
      *start = -_kz_demo_range (demo, 14, 700);
      *end = _kz_demo_range (demo, 14, 700);
    }
  else if (STATUS_IS (project, "completed"))
    {
      *end = -_kz_demo_range (demo, 7, 700);
      *start = *end - _kz_demo_range (demo, 90, 900);
    }
  else
    {
      *start = -_kz_demo_range (demo, 30, 600);
      *end = *start + _kz_demo_range (demo, 90, 540);
    }
}

static const char *
project_health (KzDemo              *demo,
                const KzDemoProject *project)
{
  if (STATUS_IS (project, "idea"))
    return NULL;
  if (STATUS_IS (project, "cancelled"))
    return "off_track";
  if (STATUS_IS (project, "running"))
    return _kz_demo_choose (demo, health_running, G_N_ELEMENTS (health_running));
  if (STATUS_IS (project, "paused"))
    return _kz_demo_choose (demo, health_paused, G_N_ELEMENTS (health_paused));

  return _kz_demo_choose (demo, health_ahead, G_N_ELEMENTS (health_ahead));
}

/* Planned budgets in whole 500 euros, small projects more common and
 * small providers running small projects. */
static gint64
planned_budget (KzDemo                     *demo,
                const KzDemoProjectPattern *pattern,
                const KzDemoOrg            *lead)
{
  gint64 affordable = 15000 + (gint64)lead->staff * 1000;
  gint64 max = CLAMP (affordable, pattern->budget_min, pattern->budget_max);
  gint64 span = max - pattern->budget_min;
  gint64 r = _kz_demo_int (demo, 1000);
  gint64 euros = pattern->budget_min + span * r * r / 1000000;

  return (euros + 250) / 500 * 500 * 100;
}

/* Per mille of the planned time that has passed. */
static gint64
progress (const KzDemoProject *project)
{
  gint64 duration = MAX (1, project->end - project->start);

  return CLAMP ((gint64)-project->start * 1000 / duration, 0, 1000);
}

/* Spending so far, in cents; -1 when nothing has been spent. */
static gint64
actual_spending (KzDemo              *demo,
                 const KzDemoProject *project)
{
  gint64 planned = project->budget;

  if (STATUS_IS (project, "completed"))
    return planned * _kz_demo_range (demo, 800, 1050) / 1000;
  if (STATUS_IS (project, "running"))
    return planned * progress (project) / 1000 * _kz_demo_range (demo, 700, 1150) / 1000;
  if (STATUS_IS (project, "paused"))
    return planned * progress (project) / 1000 * _kz_demo_range (demo, 500, 1000) / 1000;
  if (STATUS_IS (project, "cancelled"))
    return planned * progress (project) / 1000 * _kz_demo_range (demo, 300, 900) / 1000;

  return -1;
}

/* Chooses @k of the @n @items, keeping their order. */
static guint
sample_ordered (KzDemo      *demo,
                char       **items,
                guint        n,
                guint        k,
                const char **out)
{
  guint chosen = 0;

  for (guint i = 0; i < n && chosen < k; i++)
    if (_kz_demo_int (demo, n - i) < k - chosen)
      out[chosen++] = items[i];

  return chosen;
}

static void
set_tags (KzDemo                     *demo,
          KzRecord                   *record,
          const KzDemoProjectPattern *pattern)
{
  g_auto(GStrv) own = g_strsplit (pattern->tags, ",", -1);
  guint n = g_strv_length (own);
  const char *tags[8] = { NULL };
  guint k = sample_ordered (demo, own, n, _kz_demo_range (demo, 1, MIN (3, MAX (n, 1))), tags);

  if (_kz_demo_chance (demo, 40))
    {
      const char *extra = _kz_demo_pick (demo, _kz_demo_general_tags);

      if (!g_strv_contains (tags, extra))
        tags[k++] = extra;
    }
  tags[k] = NULL;

  kz_record_set_list (record, "tags", tags);
}

static char *
describe (const KzDemoProject *project,
          const KzDemoOrg     *lead,
          guint                n_participants)
{
  GString *s = g_string_new (project->pattern->description);

  g_string_append_printf (s, "\n\nTräger: %s (%s).", lead->name,
                          kz_vocab_district.terms[lead->district].label);
  if (n_participants == 1)
    g_string_append (s, " Verbundprojekt mit einer weiteren Organisation.");
  else if (n_participants == 2)
    g_string_append (s, " Verbundprojekt mit zwei weiteren Organisationen.");
  else if (n_participants > 2)
    g_string_append (s, " Verbundprojekt mit drei weiteren Organisationen.");

  return g_string_free (s, FALSE);
}

static const char *
field_of_work (KzDemo                     *demo,
               const KzDemoProjectPattern *pattern,
               const KzDemoOrg            *lead)
{
  const KzVocabulary *vocab = &kz_vocab_field_of_work;
  guint fields[32];
  guint n = 0;

  if (pattern->field_of_work != NULL)
    return pattern->field_of_work;

  for (guint i = 0; i < vocab->n_terms && n < G_N_ELEMENTS (fields); i++)
    if (lead->fields & (1u << i))
      fields[n++] = i;

  return n > 0 ? vocab->terms[fields[_kz_demo_int (demo, n)]].id : NULL;
}

static void
fill_texts (KzDemo              *demo,
            KzRecord            *record,
            const KzDemoProject *project,
            guint                n_participants)
{
  const KzDemoOrg *lead = KZ_DEMO_ORG (demo, project->lead);
  g_autofree char *title = g_strdup_printf ("%s – %s", project->pattern->title, lead->short_name);
  g_autofree char *description = describe (project, lead, n_participants);
  guint advisor = _kz_demo_chance (demo, 85) ? lead->advisor
                                             : _kz_demo_int (demo, _kz_demo_advisors_len);

  kz_record_set_string (record, "title", title);
  kz_record_set_string (record, "description", description);
  kz_record_set_string (record, "status", project->status);
  kz_record_set_string (record, "health", project_health (demo, project));
  kz_record_set_string (record, "focus_area", project->pattern->focus_area);
  kz_record_set_string (record, "field_of_work", project->field);
  kz_record_set_string (record, "lead_organisation_id", lead->uuid);
  kz_record_set_string (record, "advisor", _kz_demo_advisors[advisor]);
  set_tags (demo, record, project->pattern);
}

static void
fill_numbers (KzDemo              *demo,
              KzRecord            *record,
              const KzDemoProject *project)
{
  gint64 actual = actual_spending (demo, project);

  _kz_demo_set_date (demo, record, "start_date", project->start);
  _kz_demo_set_date (demo, record, "end_date", project->end);
  kz_record_set_int (record, "budget_planned", project->budget);
  if (actual >= 0)
    kz_record_set_int (record, "budget_actual", actual);
}

static gboolean
is_member (guint        org,
           const guint *orgs,
           guint        n)
{
  for (guint i = 0; i < n; i++)
    if (orgs[i] == org)
      return TRUE;

  return FALSE;
}

/* Up to three partners, often from the lead's own district. */
static guint
pick_participants (KzDemo *demo,
                   guint   lead,
                   guint  *out)
{
  GArray *neighbours = demo->district_orgs[KZ_DEMO_ORG (demo, lead)->district];
  guint wanted = _kz_demo_weighted (demo, participant_weights, G_N_ELEMENTS (participant_weights));
  guint n = 0;

  for (guint attempt = 0; attempt < wanted * 3 && n < wanted; attempt++)
    {
      guint org;

      if (neighbours->len > 1 && _kz_demo_chance (demo, 60))
        org = g_array_index (neighbours, guint, _kz_demo_int (demo, neighbours->len));
      else
        org = _kz_demo_int (demo, demo->orgs->len);

      if (org != lead && !is_member (org, out, n))
        out[n++] = org;
    }

  return n;
}

static gboolean
milestone_done (KzDemo              *demo,
                const KzDemoProject *project,
                int                  due,
                gboolean             last)
{
  if (STATUS_IS (project, "completed"))
    return TRUE;
  if (due >= 0)
    return !last && _kz_demo_chance (demo, 5);
  if (STATUS_IS (project, "cancelled"))
    return _kz_demo_chance (demo, 60) || due < -120;

  /* A few recent milestones are overdue; older ones were mostly closed
   * since, as a team that uses the tool would. */
  return _kz_demo_chance (demo, due < -60 ? 97 : 85) || due < -120;
}

static gboolean
add_milestone (KzDemo               *demo,
               const KzDemoProject  *project,
               const char           *title,
               guint                 i,
               guint                 n,
               GError              **error)
{
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_MILESTONE, NULL);
  int due = KZ_DEMO_NO_DATE;

  if (project->start != KZ_DEMO_NO_DATE)
    {
      int span = project->end - project->start;

      due = project->start + span * (int)(i + 1) / (int)(n + 1) + _kz_demo_range (demo, -7, 7);
      due = CLAMP (due, project->start, project->end);
    }

  kz_record_set_string (record, "project_id", project->uuid);
  kz_record_set_string (record, "title", title);
  _kz_demo_set_date (demo, record, "due_date", due);
  kz_record_set_bool (record, "done",
                      due != KZ_DEMO_NO_DATE && milestone_done (demo, project, due, i + 1 == n));

  return _kz_demo_save (demo, record, error);
}

static gboolean
add_milestones (KzDemo               *demo,
                const KzDemoProject  *project,
                GError              **error)
{
  g_auto(GStrv) all = g_strsplit (project->pattern->milestones, "|", -1);
  guint n_all = g_strv_length (all);
  const char *chosen[5];
  guint n;

  n = sample_ordered (demo, all, n_all, _kz_demo_range (demo, MIN (2, n_all), MIN (5, n_all)), chosen);
  for (guint i = 0; i < n; i++)
    if (!add_milestone (demo, project, chosen[i], i, n, error))
      return FALSE;

  return TRUE;
}

static gboolean
add_project (KzDemo  *demo,
             guint    index,
             GError **error)
{
  KzDemoProject project = { .next_of_lead = -1 };
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_PROJECT, project.uuid);
  guint participants[G_N_ELEMENTS (participant_weights)];
  guint n_participants;
  KzDemoOrg *lead;

  project.lead = _kz_demo_int (demo, demo->orgs->len);
  lead = KZ_DEMO_ORG (demo, project.lead);
  project.pattern = pick_pattern (demo, lead);
  project.status = _kz_demo_choose (demo, statuses, G_N_ELEMENTS (statuses));
  project_dates (demo, &project);
  project.budget = planned_budget (demo, project.pattern, lead);
  project.field = field_of_work (demo, project.pattern, lead);
  n_participants = pick_participants (demo, project.lead, participants);
  fill_texts (demo, record, &project, n_participants);
  fill_numbers (demo, record, &project);

  project.next_of_lead = lead->first_project;
  lead->first_project = index;
  g_array_append_val (demo->projects, project);

  if (!_kz_demo_save (demo, record, error) || !add_milestones (demo, &project, error))
    return FALSE;

  for (guint i = 0; i < n_participants; i++)
    if (!_kz_demo_link (demo, KZ_LINK_PROJECT_ORGANISATION, project.uuid,
                        KZ_DEMO_ORG (demo, participants[i])->uuid, error))
      return FALSE;

  return TRUE;
}

gboolean
_kz_demo_add_projects (KzDemo  *demo,
                       guint    n,
                       GError **error)
{
  g_assert (demo->orgs->len > 0);

  for (guint i = 0; i < n; i++)
    if (!add_project (demo, i, error))
      return FALSE;

  return TRUE;
}
