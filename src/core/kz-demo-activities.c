/* kz-demo-activities.c
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

/* Partnerships with firms, trainings with sessions and registrations,
 * and site visits with follow-up tasks.
 *
 * Draw at most one random number per expression: the order in which C
 * evaluates function arguments or initialisers is unspecified, and
 * the portfolio must not depend on the compiler. */

static const guint partnership_project_weights[] = { 45, 40, 15 };
static const guint task_weights[] = { 25, 35, 25, 15 };

/* Partnerships */

static const KzDemoCooperation *
pick_cooperation (KzDemo *demo)
{
  guint weights[32];
  guint n = MIN (_kz_demo_cooperations_len, G_N_ELEMENTS (weights));

  for (guint i = 0; i < n; i++)
    weights[i] = _kz_demo_cooperations[i].weight;

  return &_kz_demo_cooperations[_kz_demo_weighted (demo, weights, n)];
}

static const char *
agreement_state (KzDemo *demo,
                 int     start,
                 int     end)
{
  if (start > 0)
    return _kz_demo_chance (demo, 60) ? "in_talks" : "draft";
  if (end < 0)
    return "ended";

  return _kz_demo_chance (demo, 85) ? "signed" : "draft";
}

static void
set_hours (KzDemo     *demo,
           KzRecord   *record,
           const char *form)
{
  if (g_str_equal (form, "pro_bono"))
    kz_record_set_number (record, "pro_bono_hours", _kz_demo_range (demo, 2, 40) * 5);
  else if (g_str_equal (form, "volunteering"))
    /* Six to 25 colleagues, a working day of seven and a half hours each. */
    kz_record_set_number (record, "pro_bono_hours", _kz_demo_range (demo, 6, 25) * 7.5);
  else if (g_str_equal (form, "mentoring"))
    kz_record_set_number (record, "pro_bono_hours", _kz_demo_range (demo, 12, 60));
}

static void
fill_partnership (KzDemo                  *demo,
                  KzRecord                *record,
                  const KzDemoCooperation *form,
                  const KzDemoFirm        *firm,
                  const KzDemoOrg         *org)
{
  g_autofree char *pattern = _kz_demo_pick_part (demo, form->titles, '|');
  g_autofree char *title = NULL;
  int start = _kz_demo_range (demo, -700, 90);
  int end = start + _kz_demo_range (demo, form->min_days, form->max_days);
  const char *agreement = agreement_state (demo, start, end);

  title = _kz_demo_expand (pattern, (const char * const[]) {
                             "firm", firm->name, "org", org->short_name, NULL });

  kz_record_set_string (record, "title", title);
  kz_record_set_string (record, "firm_id", firm->uuid);
  kz_record_set_string (record, "form", form->form);
  kz_record_set_string (record, "agreement", agreement);
  set_hours (demo, record, form->form);
  _kz_demo_set_date (demo, record, "start_date", start);
  _kz_demo_set_date (demo, record, "end_date", end);

  if (g_str_equal (agreement, "ended") || (start < -60 && _kz_demo_chance (demo, 40)))
    {
      g_autofree char *outcome = _kz_demo_pick_part (demo, form->outcomes, '|');

      kz_record_set_string (record, "outcome", outcome);
    }
}

/* Projects of the partner organisations, led by them. */
static guint
partner_projects (KzDemo      *demo,
                  const guint *orgs,
                  guint        n_orgs,
                  guint       *out)
{
  guint wanted = _kz_demo_weighted (demo, partnership_project_weights,
                                    G_N_ELEMENTS (partnership_project_weights));
  guint n = 0;

  for (guint i = 0; i < n_orgs && n < wanted; i++)
    for (int p = KZ_DEMO_ORG (demo, orgs[i])->first_project; p >= 0 && n < wanted;
         p = KZ_DEMO_PROJECT (demo, p)->next_of_lead)
      out[n++] = p;

  return n;
}

static guint
partner_orgs (KzDemo *demo,
              guint  *out)
{
  GArray *neighbours;

  out[0] = _kz_demo_int (demo, demo->orgs->len);
  if (!_kz_demo_chance (demo, 35))
    return 1;

  neighbours = demo->district_orgs[KZ_DEMO_ORG (demo, out[0])->district];
  out[1] = g_array_index (neighbours, guint, _kz_demo_int (demo, neighbours->len));

  return out[1] == out[0] ? 1 : 2;
}

/* A firm whose sector suits the form of cooperation, if one turns up. */
static const KzDemoFirm *
pick_firm (KzDemo                  *demo,
           const KzDemoCooperation *form)
{
  const KzDemoFirm *firm = NULL;

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      firm = KZ_DEMO_FIRM (demo, _kz_demo_int (demo, demo->firms->len));
      if (_kz_demo_list_has (form->sectors, '|', firm->sector->sector))
        break;
    }

  return firm;
}

static gboolean
add_partnership (KzDemo  *demo,
                 GError **error)
{
  char uuid[KZ_DEMO_UUID_LEN];
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_PARTNERSHIP, uuid);
  const KzDemoCooperation *form = pick_cooperation (demo);
  const KzDemoFirm *firm = pick_firm (demo, form);
  guint orgs[2];
  guint n_orgs = partner_orgs (demo, orgs);
  guint projects[G_N_ELEMENTS (partnership_project_weights)];
  guint n_projects = partner_projects (demo, orgs, n_orgs, projects);

  fill_partnership (demo, record, form, firm, KZ_DEMO_ORG (demo, orgs[0]));
  if (!_kz_demo_save (demo, record, error))
    return FALSE;

  for (guint i = 0; i < n_orgs; i++)
    if (!_kz_demo_link (demo, KZ_LINK_PARTNERSHIP_ORGANISATION, uuid,
                        KZ_DEMO_ORG (demo, orgs[i])->uuid, error))
      return FALSE;

  for (guint i = 0; i < n_projects; i++)
    if (!_kz_demo_link (demo, KZ_LINK_PARTNERSHIP_PROJECT, uuid,
                        KZ_DEMO_PROJECT (demo, projects[i])->uuid, error))
      return FALSE;

  return TRUE;
}

gboolean
_kz_demo_add_partnerships (KzDemo  *demo,
                           guint    n,
                           GError **error)
{
  for (guint i = 0; i < n; i++)
    if (!add_partnership (demo, error))
      return FALSE;

  return TRUE;
}

/* Trainings */

#define MAX_SESSIONS      3
#define MAX_REGISTRATIONS 8

typedef struct
{
  guint                  index;
  const KzDemoTopic     *topic;
  char                  *format;
  int                    sessions[MAX_SESSIONS];  /* days from today */
  guint                  n_sessions;
  int                    deadline;                /* of registration */
  guint                  capacity;
  guint                  orgs[MAX_REGISTRATIONS];
  guint                  participants[MAX_REGISTRATIONS];
  guint                  n_registrations;
  const char            *status;
} TrainingPlan;

static void
training_plan_clear (TrainingPlan *plan)
{
  g_free (plan->format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrainingPlan, training_plan_clear)

static gboolean
format_is (const TrainingPlan *plan,
           const char         *format)
{
  return g_str_equal (plan->format, format);
}

static void
plan_schedule (KzDemo       *demo,
               TrainingPlan *plan)
{
  guint lo = 12, hi = 20;

  if (format_is (plan, "certificate"))
    plan->n_sessions = 3;
  else if (format_is (plan, "blended") || format_is (plan, "multiplier"))
    plan->n_sessions = _kz_demo_range (demo, 2, 3);
  else
    plan->n_sessions = _kz_demo_range (demo, 1, 2);

  plan->sessions[0] = _kz_demo_range (demo, -330, 180);
  for (guint i = 1; i < plan->n_sessions; i++)
    plan->sessions[i] = plan->sessions[i - 1] + _kz_demo_range (demo, 7, 21);
  plan->deadline = plan->sessions[0] - _kz_demo_range (demo, 7, 21);

  if (format_is (plan, "online"))
    lo = 20, hi = 60;
  else if (format_is (plan, "inhouse") || format_is (plan, "workshop"))
    lo = 8, hi = 16;
  else if (format_is (plan, "hybrid"))
    lo = 15, hi = 30;
  plan->capacity = _kz_demo_range (demo, lo, hi);
}

/* Registration is open until the deadline; a training under way is
 * booked up. */
static const char *
base_status (KzDemo             *demo,
             const TrainingPlan *plan)
{
  int first = plan->sessions[0];
  int last = plan->sessions[plan->n_sessions - 1];

  if (last < 0)
    return _kz_demo_chance (demo, 95) ? "completed" : "cancelled";
  if (plan->deadline < 0)
    return "full";
  /* The first training takes registrations, so that every portfolio has some. */
  if (first > 90 && _kz_demo_chance (demo, 50) && plan->index > 0)
    return "planned";

  return "open";
}

/* An organisation for an in-house training that fits its topic. */
static guint
pick_inhouse_org (KzDemo             *demo,
                  const TrainingPlan *plan)
{
  const char *field = plan->topic->field_of_work;
  guint bit = field ? 1u << _kz_demo_term_index (&kz_vocab_field_of_work, field) : 0;
  guint org = 0;

  for (guint attempt = 0; attempt < 10; attempt++)
    {
      org = _kz_demo_int (demo, demo->orgs->len);
      if (bit == 0 || (KZ_DEMO_ORG (demo, org)->fields & bit))
        break;
    }

  return org;
}

static gboolean
is_registered (const TrainingPlan *plan,
               guint               org)
{
  for (guint i = 0; i < plan->n_registrations; i++)
    if (plan->orgs[i] == org)
      return TRUE;

  return FALSE;
}

/* Counts per organisation that never exceed the capacity; some open
 * trainings are fully booked. */
static void
plan_registrations (KzDemo       *demo,
                    TrainingPlan *plan)
{
  gboolean inhouse = format_is (plan, "inhouse");
  gboolean fill = g_str_equal (plan->status, "open") && _kz_demo_chance (demo, 20);
  guint wanted = inhouse ? 1 : (guint)_kz_demo_range (demo, 2, MAX_REGISTRATIONS);
  guint seats = plan->capacity;

  if (g_str_equal (plan->status, "planned"))
    return;

  /* Trainings under way took registrations while they were open. */
  fill = fill || g_str_equal (plan->status, "full");

  for (guint i = 0; i < wanted && seats > 0; i++)
    {
      guint org = inhouse ? pick_inhouse_org (demo, plan) : _kz_demo_int (demo, demo->orgs->len);
      guint count = inhouse ? (guint)_kz_demo_range (demo, plan->capacity / 2, plan->capacity)
                            : (guint)_kz_demo_range (demo, 1, 4);

      if (is_registered (plan, org))
        continue;
      count = MIN (count, seats);
      plan->orgs[plan->n_registrations] = org;
      plan->participants[plan->n_registrations++] = count;
      seats -= count;
    }

  /* Booked up: the remaining seats go round the registered organisations. */
  if (fill && plan->n_registrations > 0)
    for (guint i = 0; seats > 0; i = (i + 1) % plan->n_registrations, seats--)
      plan->participants[i]++;

  if (seats == 0 && g_str_equal (plan->status, "open"))
    plan->status = "full";
}

static void
session_times (KzDemo             *demo,
               const TrainingPlan *plan,
               KzRecord           *record)
{
  static const char * const day[] = { "09:00", "16:00", "09:30", "13:00", "13:30", "17:00" };
  static const char * const online[] = { "10:00", "11:30", "14:00", "15:30", "09:00", "12:00" };
  gboolean remote = format_is (plan, "online") || format_is (plan, "blended");
  const char * const *slots = remote ? online : day;
  guint k = _kz_demo_int (demo, G_N_ELEMENTS (day) / 2) * 2;

  kz_record_set_string (record, "start_time", slots[k]);
  kz_record_set_string (record, "end_time", slots[k + 1]);
}

static char *
training_place (KzDemo             *demo,
                const TrainingPlan *plan)
{
  const KzDemoOrg *org;

  if (format_is (plan, "online"))
    return NULL;
  if (!format_is (plan, "inhouse"))
    return g_strdup (_kz_demo_pick (demo, _kz_demo_venues));

  if (plan->n_registrations > 0)
    org = KZ_DEMO_ORG (demo, plan->orgs[0]);
  else
    org = KZ_DEMO_ORG (demo, _kz_demo_int (demo, demo->orgs->len));

  return g_strdup_printf ("%s, %s", org->short_name, org->town->name);
}

static gboolean
add_sessions (KzDemo              *demo,
              const TrainingPlan  *plan,
              const char          *training,
              GError             **error)
{
  g_autofree char *place = training_place (demo, plan);
  g_autofree char *link = g_strdup_printf ("https://meet.example.org/kompetenz-%05u", plan->index);
  gboolean hybrid = format_is (plan, "hybrid");
  gboolean online = format_is (plan, "online");
  gboolean blended = format_is (plan, "blended");

  for (guint i = 0; i < plan->n_sessions; i++)
    {
      g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_SESSION, NULL);
      gboolean on_site = !online && !(blended && i > 0);

      kz_record_set_string (record, "training_id", training);
      _kz_demo_set_date (demo, record, "date", plan->sessions[i]);
      session_times (demo, plan, record);
      if (on_site)
        kz_record_set_string (record, "place", place);
      if (!on_site || hybrid)
        kz_record_set_string (record, "online_link", link);

      if (!_kz_demo_save (demo, record, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_registrations (KzDemo              *demo,
                   const TrainingPlan  *plan,
                   const char          *training,
                   GError             **error)
{
  for (guint i = 0; i < plan->n_registrations; i++)
    {
      g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_REGISTRATION, NULL);

      kz_record_set_string (record, "training_id", training);
      kz_record_set_string (record, "organisation_id", KZ_DEMO_ORG (demo, plan->orgs[i])->uuid);
      kz_record_set_int (record, "participants", plan->participants[i]);

      if (!_kz_demo_save (demo, record, error))
        return FALSE;
    }

  return TRUE;
}

static char *
trainers (KzDemo *demo)
{
  const char *advisor = _kz_demo_pick (demo, _kz_demo_advisors);
  const char *external;

  if (!_kz_demo_chance (demo, 45))
    return g_strdup (advisor);

  external = _kz_demo_pick (demo, _kz_demo_trainers);
  return g_strdup_printf ("%s, %s", advisor, external);
}

static void
fill_training (KzDemo             *demo,
               KzRecord           *record,
               const TrainingPlan *plan)
{
  int first = plan->sessions[0];
  g_autofree char *base = _kz_demo_pick_part (demo, plan->topic->titles, '|');
  g_autofree char *title = g_strdup_printf ("%s (%s %d)", base,
                                            _kz_demo_months[_kz_demo_month (demo, first) - 1],
                                            _kz_demo_year (demo, first));
  g_autofree char *who = trainers (demo);

  kz_record_set_string (record, "title", title);
  kz_record_set_string (record, "focus_area", plan->topic->focus_area);
  kz_record_set_string (record, "topic", plan->topic->topic);
  kz_record_set_string (record, "format", plan->format);
  kz_record_set_int (record, "capacity", plan->capacity);
  kz_record_set_string (record, "trainers", who);
  kz_record_set_string (record, "status", plan->status);
  _kz_demo_set_date (demo, record, "registration_deadline", plan->deadline);
  kz_record_set_string (record, "description", plan->topic->description);
}

/* A quarter of the trainings accompany one or two projects. */
static gboolean
link_projects (KzDemo      *demo,
               const char  *training,
               GError     **error)
{
  guint first, second;

  if (demo->projects->len == 0 || !_kz_demo_chance (demo, 25))
    return TRUE;

  first = _kz_demo_int (demo, demo->projects->len);
  if (!_kz_demo_link (demo, KZ_LINK_TRAINING_PROJECT, training,
                      KZ_DEMO_PROJECT (demo, first)->uuid, error))
    return FALSE;

  if (!_kz_demo_chance (demo, 30))
    return TRUE;
  second = _kz_demo_int (demo, demo->projects->len);
  if (second == first)
    return TRUE;

  return _kz_demo_link (demo, KZ_LINK_TRAINING_PROJECT, training,
                        KZ_DEMO_PROJECT (demo, second)->uuid, error);
}

static gboolean
add_training (KzDemo  *demo,
              guint    index,
              GError **error)
{
  char uuid[KZ_DEMO_UUID_LEN];
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_TRAINING, uuid);
  g_auto(TrainingPlan) plan = { .index = index };

  plan.topic = &_kz_demo_pick (demo, _kz_demo_topics);
  plan.format = _kz_demo_pick_part (demo, plan.topic->formats, ',');
  plan_schedule (demo, &plan);
  plan.status = base_status (demo, &plan);
  plan_registrations (demo, &plan);
  fill_training (demo, record, &plan);

  return _kz_demo_save (demo, record, error) &&
         add_sessions (demo, &plan, uuid, error) &&
         add_registrations (demo, &plan, uuid, error) &&
         link_projects (demo, uuid, error);
}

gboolean
_kz_demo_add_trainings (KzDemo  *demo,
                        guint    n,
                        GError **error)
{
  for (guint i = 0; i < n; i++)
    if (!add_training (demo, i, error))
      return FALSE;

  return TRUE;
}

/* Visits */

static char *
attendees (KzDemo *demo)
{
  GString *s = g_string_new (NULL);
  guint n = _kz_demo_range (demo, 1, 3);
  guint used = 0;

  for (guint i = 0; i < n; i++)
    {
      guint role = _kz_demo_int (demo, _kz_demo_attendee_roles_len);
      KzDemoPerson person;

      if (used & (1u << role))
        continue;
      used |= 1u << role;
      _kz_demo_person (demo, &person);
      g_string_append_printf (s, "%s%s %s (%s)", s->len > 0 ? ", " : "",
                              person.female ? "Frau" : "Herr", person.last,
                              _kz_demo_attendee_roles[role]);
    }

  return g_string_free (s, FALSE);
}

static char *
visit_notes (KzDemo *demo,
             int     date)
{
  const char *reason = _kz_demo_pick (demo, _kz_demo_visit_reasons);
  const char *finding;
  const char *more = NULL;
  const char *agreed;

  if (date > 0)
    return g_strdup_printf ("Geplanter Termin. %s", reason);

  finding = _kz_demo_pick (demo, _kz_demo_visit_findings);
  if (_kz_demo_chance (demo, 50))
    more = _kz_demo_pick (demo, _kz_demo_visit_findings);
  if (more == finding)
    more = NULL;
  agreed = _kz_demo_pick (demo, _kz_demo_visit_agreements);

  if (more != NULL)
    return g_strjoin (" ", reason, finding, more, agreed, NULL);

  return g_strjoin (" ", reason, finding, agreed, NULL);
}

/* Follow-ups due long ago were mostly done; a few recent ones are
 * overdue, as in a team that uses the tool. */
static guint
task_done_percent (int due)
{
  if (due < -45)
    return 98;
  return due < 0 ? 80 : 10;
}

static gboolean
add_task (KzDemo      *demo,
          const char  *visit,
          const char  *advisor,
          int          date,
          GError     **error)
{
  static const char * const owners[] = {
    "Träger: Geschäftsführung", "Träger: IT-Leitung", "Träger: Einrichtungsleitung",
  };
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_TASK, NULL);
  int due = date + _kz_demo_range (demo, 7, 60);
  const char *owner = advisor;

  if (_kz_demo_chance (demo, 40))
    owner = owners[_kz_demo_int (demo, G_N_ELEMENTS (owners))];

  kz_record_set_string (record, "visit_id", visit);
  kz_record_set_string (record, "title", _kz_demo_pick (demo, _kz_demo_task_titles));
  _kz_demo_set_date (demo, record, "due_date", due);
  kz_record_set_string (record, "owner", owner);
  kz_record_set_bool (record, "done",
                      _kz_demo_chance (demo, task_done_percent (due)) || due < -120);

  return _kz_demo_save (demo, record, error);
}

/* The maturity self-check done during a past visit, on the same day. */
static gboolean
add_visit_check (KzDemo           *demo,
                 const KzDemoOrg  *org,
                 int               date,
                 GError          **error)
{
  static const char * const dimensions[] = {
    "strategy", "infrastructure", "processes", "skills", "security",
  };
  static const guint base_weights[] = { 20, 40, 30, 10 };
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_ASSESSMENT, NULL);
  int base = 1 + _kz_demo_weighted (demo, base_weights, G_N_ELEMENTS (base_weights));

  kz_record_set_string (record, "organisation_id", org->uuid);
  _kz_demo_set_date (demo, record, "date", date);
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      int level = base + _kz_demo_range (demo, -1, 1);

      kz_record_set_int (record, dimensions[i], CLAMP (level, 1, 5));
    }
  return _kz_demo_save (demo, record, error);
}

/* Visits from one and a half years ago to six weeks ahead; the first
 * one is past and has a task, so that every portfolio has some. */
static gboolean
add_visit (KzDemo  *demo,
           guint    index,
           GError **error)
{
  char uuid[KZ_DEMO_UUID_LEN];
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_VISIT, uuid);
  const KzDemoOrg *org = KZ_DEMO_ORG (demo, _kz_demo_int (demo, demo->orgs->len));
  int date = _kz_demo_range (demo, -540, index == 0 ? -1 : 45);
  guint advisor = _kz_demo_chance (demo, 80) ? org->advisor
                                             : _kz_demo_int (demo, _kz_demo_advisors_len);
  g_autofree char *who = attendees (demo);
  g_autofree char *notes = visit_notes (demo, date);
  guint n_tasks = date > 0 ? 0 : _kz_demo_weighted (demo, task_weights, G_N_ELEMENTS (task_weights));

  if (index == 0)
    n_tasks = MAX (n_tasks, 1);

  kz_record_set_string (record, "organisation_id", org->uuid);
  _kz_demo_set_date (demo, record, "date", date);
  kz_record_set_string (record, "advisor", _kz_demo_advisors[advisor]);
  kz_record_set_string (record, "attendees", who);
  kz_record_set_string (record, "notes", notes);

  if (!_kz_demo_save (demo, record, error))
    return FALSE;

  /* Some past visits, and the first, included the self-check. */
  if (date <= 0 && (index == 0 || _kz_demo_chance (demo, 15)) &&
      !add_visit_check (demo, org, date, error))
    return FALSE;

  for (guint i = 0; i < n_tasks; i++)
    if (!add_task (demo, uuid, _kz_demo_advisors[advisor], date, error))
      return FALSE;

  return TRUE;
}

gboolean
_kz_demo_add_visits (KzDemo  *demo,
                     guint    n,
                     GError **error)
{
  for (guint i = 0; i < n; i++)
    if (!add_visit (demo, i, error))
      return FALSE;

  return TRUE;
}
