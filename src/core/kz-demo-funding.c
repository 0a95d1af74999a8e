/* kz-demo-funding.c
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

/* Funding programmes with their call deadlines around today, and
 * applications, each financing one to three projects of one lead
 * organisation. */

static const KzDemoChoice outcome_early[] = {
  { "draft", 80 }, { "submitted", 20 },
};
static const KzDemoChoice outcome_applied[] = {
  { "submitted", 85 }, { "draft", 15 },
};
static const KzDemoChoice outcome_started[] = {
  { "granted", 85 }, { "rejected", 10 }, { "withdrawn", 5 },
};
static const KzDemoChoice outcome_cancelled[] = {
  { "rejected", 50 }, { "withdrawn", 30 }, { "granted", 20 },
};

static const guint extra_project_weights[] = { 70, 22, 8 };

static gboolean
add_deadline (KzDemo                 *demo,
              guint                   programme,
              const KzDemoProgramme  *info,
              int                     offset,
              GError                **error)
{
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_DEADLINE, NULL);
  g_autofree char *year = g_strdup_printf ("%d", _kz_demo_year (demo, offset));
  g_autofree char *n = NULL;
  g_autofree char *title = NULL;
  guint month = _kz_demo_month (demo, offset);

  n = g_strdup_printf ("%u", (month - 1) * info->calls_per_year / 12 + 1);
  title = _kz_demo_expand (info->call, (const char * const[]) { "n", n, "year", year, NULL });

  kz_record_set_string (record, "programme_id", demo->programmes[programme]);
  _kz_demo_set_date (demo, record, "date", offset);
  kz_record_set_string (record, "title", title);

  return _kz_demo_save (demo, record, error);
}

/* Calls from a few months ago to a year ahead. */
static gboolean
add_deadlines (KzDemo  *demo,
               guint    programme,
               GError **error)
{
  const KzDemoProgramme *info = &_kz_demo_programmes[programme];
  int interval;

  if (info->calls_per_year == 0 || info->call == NULL)
    return TRUE;

  interval = 365 / info->calls_per_year;
  for (int offset = -_kz_demo_range (demo, 20, interval); offset < 365;
       offset += interval + _kz_demo_range (demo, -10, 10))
    if (!add_deadline (demo, programme, info, offset, error))
      return FALSE;

  return TRUE;
}

static gboolean
add_programme (KzDemo  *demo,
               guint    index,
               GError **error)
{
  const KzDemoProgramme *info = &_kz_demo_programmes[index];
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_PROGRAMME,
                                                    demo->programmes[index]);

  kz_record_set_string (record, "name", info->name);
  kz_record_set_string (record, "funder", info->funder);
  if (info->max_amount > 0)
    kz_record_set_int (record, "max_amount", (gint64)info->max_amount * 100);
  kz_record_set_number (record, "rate", info->rate);
  kz_record_set_string (record, "website", info->website);
  kz_record_set_string (record, "description", info->description);

  return _kz_demo_save (demo, record, error) && add_deadlines (demo, index, error);
}

gboolean
_kz_demo_add_programmes (KzDemo  *demo,
                         GError **error)
{
  for (guint i = 0; i < _kz_demo_programmes_len; i++)
    if (!add_programme (demo, i, error))
      return FALSE;

  return TRUE;
}

/* Applications */

static const char *
application_status (KzDemo              *demo,
                    const KzDemoProject *project)
{
  const char *status = project->status;

  if (g_str_equal (status, "idea") || g_str_equal (status, "planned"))
    return _kz_demo_choose (demo, outcome_early, G_N_ELEMENTS (outcome_early));
  if (g_str_equal (status, "applied"))
    return _kz_demo_choose (demo, outcome_applied, G_N_ELEMENTS (outcome_applied));
  if (g_str_equal (status, "cancelled"))
    return _kz_demo_choose (demo, outcome_cancelled, G_N_ELEMENTS (outcome_cancelled));

  return _kz_demo_choose (demo, outcome_started, G_N_ELEMENTS (outcome_started));
}

/* A project, preferably one no application funds yet. */
static guint
pick_first_project (KzDemo *demo)
{
  guint project = 0;

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      project = _kz_demo_int (demo, demo->projects->len);
      if (KZ_DEMO_PROJECT (demo, project)->applications == 0)
        break;
    }

  return project;
}

/* The first project and up to two more of the same lead organisation. */
static guint
pick_projects (KzDemo *demo,
               guint  *out)
{
  guint first = pick_first_project (demo);
  guint wanted = 1 + _kz_demo_weighted (demo, extra_project_weights,
                                        G_N_ELEMENTS (extra_project_weights));
  const KzDemoOrg *lead = KZ_DEMO_ORG (demo, KZ_DEMO_PROJECT (demo, first)->lead);
  guint n = 0;

  out[n++] = first;
  for (int p = lead->first_project; p >= 0 && n < wanted; p = KZ_DEMO_PROJECT (demo, p)->next_of_lead)
    if ((guint)p != first)
      out[n++] = p;

  return n;
}

/* A programme that funds the project's field of work. */
static guint
pick_programme (KzDemo              *demo,
                const KzDemoProject *project)
{
  guint weights[32];
  guint n = MIN (_kz_demo_programmes_len, G_N_ELEMENTS (weights));
  guint total = 0;

  for (guint i = 0; i < n; i++)
    {
      const KzDemoProgramme *info = &_kz_demo_programmes[i];

      weights[i] = _kz_demo_list_has (info->fields, ',', project->field) ? info->weight : 0;
      total += weights[i];
    }

  if (total == 0)
    return _kz_demo_int (demo, n);

  return _kz_demo_weighted (demo, weights, n);
}

/* What the programme pays for the projects' budgets, in whole
 * hundreds of euros, as cents. */
static gint64
amount_applied (KzDemo                *demo,
                const KzDemoProgramme *info,
                const guint           *projects,
                guint                  n)
{
  gint64 budget = 0;
  gint64 amount;

  for (guint i = 0; i < n; i++)
    budget += KZ_DEMO_PROJECT (demo, projects[i])->budget;

  amount = budget * info->rate / 100;
  if (info->max_amount > 0)
    amount = MIN (amount, (gint64)info->max_amount * 100);

  return MAX (50000, amount / 10000 * 10000);
}

static void
set_decision (KzDemo              *demo,
              KzRecord            *record,
              const char          *status,
              const KzDemoProject *project)
{
  int anchor = project->start != KZ_DEMO_NO_DATE ? MIN (project->start, 0) : 0;
  int submitted;

  if (g_str_equal (status, "draft"))
    return;

  if (g_str_equal (status, "submitted"))
    submitted = -_kz_demo_range (demo, 5, 120);
  else if (g_str_equal (status, "withdrawn"))
    submitted = -_kz_demo_range (demo, 30, 300);
  else
    submitted = anchor - _kz_demo_range (demo, 45, 240);
  _kz_demo_set_date (demo, record, "submitted_date", submitted);

  if (g_str_equal (status, "granted") || g_str_equal (status, "rejected"))
    {
      int decision = submitted + _kz_demo_range (demo, 30, 150);

      _kz_demo_set_date (demo, record, "decision_date", MIN (decision, -1));
    }
}

static char *
application_title (KzDemo                *demo,
                   const KzDemoProgramme *info,
                   const guint           *projects,
                   guint                  n)
{
  const KzDemoProject *first = KZ_DEMO_PROJECT (demo, projects[0]);
  const KzDemoOrg *lead = KZ_DEMO_ORG (demo, first->lead);

  if (n == 1)
    return g_strdup_printf ("%s: %s (%s)", info->short_name, first->pattern->title,
                            lead->short_name);

  return g_strdup_printf ("%s: Sammelantrag %s (%u Vorhaben)", info->short_name,
                          lead->short_name, n);
}

static gboolean
add_application (KzDemo  *demo,
                 GError **error)
{
  char uuid[KZ_DEMO_UUID_LEN];
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_APPLICATION, uuid);
  guint projects[1 + G_N_ELEMENTS (extra_project_weights)];
  guint n = pick_projects (demo, projects);
  guint programme = pick_programme (demo, KZ_DEMO_PROJECT (demo, projects[0]));
  const KzDemoProgramme *info = &_kz_demo_programmes[programme];
  const char *status = application_status (demo, KZ_DEMO_PROJECT (demo, projects[0]));
  g_autofree char *title = application_title (demo, info, projects, n);
  gint64 applied = amount_applied (demo, info, projects, n);

  kz_record_set_string (record, "programme_id", demo->programmes[programme]);
  kz_record_set_string (record, "title", title);
  kz_record_set_string (record, "status", status);
  kz_record_set_int (record, "amount_applied", applied);
  if (g_str_equal (status, "granted"))
    kz_record_set_int (record, "amount_granted",
                       applied * _kz_demo_range (demo, 70, 100) / 100 / 10000 * 10000);
  set_decision (demo, record, status, KZ_DEMO_PROJECT (demo, projects[0]));

  if (!_kz_demo_save (demo, record, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      KzDemoProject *project = KZ_DEMO_PROJECT (demo, projects[i]);

      project->applications++;
      if (!_kz_demo_link (demo, KZ_LINK_APPLICATION_PROJECT, uuid, project->uuid, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_kz_demo_add_applications (KzDemo  *demo,
                           guint    n,
                           GError **error)
{
  if (demo->projects->len == 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    if (!add_application (demo, error))
      return FALSE;

  return TRUE;
}
