/* kz-schema.c
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

#define G_LOG_DOMAIN "kz-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kz-schema.h"

#define REQ  KZ_FIELD_FLAG_REQUIRED
#define FTS  KZ_FIELD_FLAG_SEARCHABLE
#define LONG KZ_FIELD_FLAG_MULTILINE
#define MAIL KZ_FIELD_FLAG_EMAIL
#define URL  KZ_FIELD_FLAG_URL
#define LVL  KZ_FIELD_FLAG_LEVEL
#define PCT  KZ_FIELD_FLAG_PERCENT

#define TEXT(n, l, f)       { n, KZ_FIELD_TEXT, l, f, NULL, 0 }
#define CHOICE(n, l, f, v)  { n, KZ_FIELD_CHOICE, l, f, &v, 0 }
#define LIST(n, l, f, v)    { n, KZ_FIELD_LIST, l, f, v, 0 }
#define INT(n, l, f)        { n, KZ_FIELD_INT, l, f, NULL, 0 }
#define NUMBER(n, l, f)     { n, KZ_FIELD_NUMBER, l, f, NULL, 0 }
#define MONEY(n, l, f)      { n, KZ_FIELD_MONEY, l, f, NULL, 0 }
#define BOOL(n, l)          { n, KZ_FIELD_BOOL, l, 0, NULL, 0 }
#define DATE(n, l, f)       { n, KZ_FIELD_DATE, l, f, NULL, 0 }
#define TIME(n, l, f)       { n, KZ_FIELD_TIME, l, f, NULL, 0 }
#define REF(n, l, f, k)     { n, KZ_FIELD_REF, l, f, NULL, k }

static const KzField organisation_fields[] = {
  TEXT   ("name", N_("Name"), REQ | FTS),
  CHOICE ("umbrella", N_("Umbrella association"), 0, kz_vocab_umbrella),
  LIST   ("fields_of_work", N_("Fields of work"), 0, &kz_vocab_field_of_work),
  CHOICE ("district", N_("District"), 0, kz_vocab_district),
  TEXT   ("street", N_("Street"), 0),
  TEXT   ("postcode", N_("Postcode"), 0),
  TEXT   ("city", N_("City"), FTS),
  INT    ("staff", N_("Staff"), 0),
  MONEY  ("turnover", N_("Annual turnover"), 0),
  TEXT   ("email", N_("E-mail"), MAIL),
  TEXT   ("phone", N_("Phone"), 0),
  TEXT   ("website", N_("Website"), URL),
  TEXT   ("notes", N_("Notes"), LONG | FTS),
};

static const KzField contact_fields[] = {
  REF    ("organisation_id", N_("Organisation"), REQ, KZ_KIND_ORGANISATION),
  CHOICE ("role", N_("Role"), REQ, kz_vocab_contact_role),
  TEXT   ("name", N_("Name"), FTS),
  TEXT   ("email", N_("E-mail"), MAIL),
  TEXT   ("phone", N_("Phone"), 0),
  DATE   ("consent_date", N_("Consent given on"), 0),
  DATE   ("deletion_date", N_("Delete on"), 0),
};

static const KzField assessment_fields[] = {
  REF    ("organisation_id", N_("Organisation"), REQ, KZ_KIND_ORGANISATION),
  DATE   ("date", N_("Date"), REQ),
  INT    ("strategy", N_("Strategy"), LVL),
  INT    ("infrastructure", N_("Infrastructure"), LVL),
  INT    ("processes", N_("Processes"), LVL),
  INT    ("skills", N_("Skills"), LVL),
  INT    ("security", N_("Data protection and IT security"), LVL),
  TEXT   ("notes", N_("Notes"), LONG),
};

static const KzField firm_fields[] = {
  TEXT   ("name", N_("Name"), REQ | FTS),
  TEXT   ("sector", N_("Sector"), FTS),
  CHOICE ("size", N_("Size"), 0, kz_vocab_firm_size),
  TEXT   ("city", N_("City"), FTS),
  TEXT   ("contact_name", N_("Contact person"), FTS),
  TEXT   ("contact_email", N_("Contact e-mail"), MAIL),
  TEXT   ("contact_phone", N_("Contact phone"), 0),
  TEXT   ("website", N_("Website"), URL),
};

static const KzField project_fields[] = {
  TEXT   ("title", N_("Title"), REQ | FTS),
  TEXT   ("description", N_("Description"), LONG | FTS),
  CHOICE ("status", N_("Status"), REQ, kz_vocab_status),
  CHOICE ("health", N_("Health"), 0, kz_vocab_health),
  CHOICE ("focus_area", N_("Focus area"), 0, kz_vocab_focus_area),
  CHOICE ("field_of_work", N_("Field of work"), 0, kz_vocab_field_of_work),
  REF    ("lead_organisation_id", N_("Lead organisation"), 0, KZ_KIND_ORGANISATION),
  TEXT   ("advisor", N_("Advisor"), FTS),
  DATE   ("start_date", N_("Start"), 0),
  DATE   ("end_date", N_("End"), 0),
  MONEY  ("budget_planned", N_("Planned budget"), 0),
  MONEY  ("budget_actual", N_("Actual spending"), 0),
  LIST   ("tags", N_("Tags"), FTS, NULL),
};

static const KzField milestone_fields[] = {
  REF    ("project_id", N_("Project"), REQ, KZ_KIND_PROJECT),
  TEXT   ("title", N_("Title"), REQ | FTS),
  DATE   ("due_date", N_("Due"), 0),
  BOOL   ("done", N_("Done")),
};

static const KzField partnership_fields[] = {
  TEXT   ("title", N_("Title"), REQ | FTS),
  REF    ("firm_id", N_("Firm"), REQ, KZ_KIND_FIRM),
  CHOICE ("form", N_("Form of cooperation"), REQ, kz_vocab_cooperation),
  CHOICE ("agreement", N_("Agreement"), 0, kz_vocab_agreement),
  NUMBER ("pro_bono_hours", N_("Pro-bono hours"), 0),
  DATE   ("start_date", N_("Start"), 0),
  DATE   ("end_date", N_("End"), 0),
  TEXT   ("outcome", N_("Outcome"), LONG | FTS),
};

static const KzField training_fields[] = {
  TEXT   ("title", N_("Title"), REQ | FTS),
  CHOICE ("focus_area", N_("Focus area"), 0, kz_vocab_focus_area),
  TEXT   ("topic", N_("Topic"), FTS),
  CHOICE ("format", N_("Format"), 0, kz_vocab_training_format),
  INT    ("capacity", N_("Capacity"), 0),
  TEXT   ("trainers", N_("Trainers"), FTS),
  CHOICE ("status", N_("Status"), REQ, kz_vocab_training_status),
  DATE   ("registration_deadline", N_("Registration deadline"), 0),
  TEXT   ("description", N_("Description"), LONG | FTS),
};

static const KzField session_fields[] = {
  REF    ("training_id", N_("Training"), REQ, KZ_KIND_TRAINING),
  DATE   ("date", N_("Date"), REQ),
  TIME   ("start_time", N_("Begins"), 0),
  TIME   ("end_time", N_("Ends"), 0),
  TEXT   ("place", N_("Place"), FTS),
  TEXT   ("online_link", N_("Online link"), URL),
};

static const KzField registration_fields[] = {
  REF    ("training_id", N_("Training"), REQ, KZ_KIND_TRAINING),
  REF    ("organisation_id", N_("Organisation"), REQ, KZ_KIND_ORGANISATION),
  INT    ("participants", N_("Participants"), REQ),
};

static const KzField programme_fields[] = {
  TEXT   ("name", N_("Name"), REQ | FTS),
  TEXT   ("funder", N_("Funder"), REQ | FTS),
  MONEY  ("max_amount", N_("Maximum amount"), 0),
  NUMBER ("rate", N_("Funding rate (%)"), PCT),
  TEXT   ("website", N_("Website"), URL),
  TEXT   ("description", N_("Description"), LONG | FTS),
};

static const KzField deadline_fields[] = {
  REF    ("programme_id", N_("Funding programme"), REQ, KZ_KIND_PROGRAMME),
  DATE   ("date", N_("Deadline"), REQ),
  TEXT   ("title", N_("Call"), FTS),
};

static const KzField application_fields[] = {
  REF    ("programme_id", N_("Funding programme"), REQ, KZ_KIND_PROGRAMME),
  TEXT   ("title", N_("Title"), REQ | FTS),
  CHOICE ("status", N_("Status"), REQ, kz_vocab_application_status),
  MONEY  ("amount_applied", N_("Amount applied for"), 0),
  MONEY  ("amount_granted", N_("Amount granted"), 0),
  DATE   ("submitted_date", N_("Submitted on"), 0),
  DATE   ("decision_date", N_("Decision on"), 0),
};

static const KzField visit_fields[] = {
  REF    ("organisation_id", N_("Organisation"), REQ, KZ_KIND_ORGANISATION),
  DATE   ("date", N_("Date"), REQ),
  TEXT   ("advisor", N_("Advisor"), FTS),
  TEXT   ("attendees", N_("Attendees"), FTS),
  TEXT   ("notes", N_("Notes"), LONG | FTS),
};

static const KzField task_fields[] = {
  REF    ("visit_id", N_("Visit"), REQ, KZ_KIND_VISIT),
  TEXT   ("title", N_("Task"), REQ | FTS),
  DATE   ("due_date", N_("Due"), 0),
  TEXT   ("owner", N_("Owner"), 0),
  BOOL   ("done", N_("Done")),
};

#define KIND(k, n, t, l, pl, f, title, parent, order) \
  [k] = { k, n, t, l, pl, f, G_N_ELEMENTS (f), title, parent, order }

static const KzKindInfo kinds[KZ_N_KINDS] = {
  KIND (KZ_KIND_ORGANISATION, "organisation", "organisations", N_("Organisation"), N_("Organisations"), organisation_fields, 0, -1, NULL),
  KIND (KZ_KIND_CONTACT, "contact", "contacts", N_("Contact"), N_("Contacts"), contact_fields, 2, 0, "consent_date:deletion_date"),
  KIND (KZ_KIND_ASSESSMENT, "assessment", "assessments", N_("Maturity check"), N_("Maturity checks"), assessment_fields, 1, 0, NULL),
  KIND (KZ_KIND_FIRM, "firm", "firms", N_("Firm"), N_("Firms"), firm_fields, 0, -1, NULL),
  KIND (KZ_KIND_PROJECT, "project", "projects", N_("Project"), N_("Projects"), project_fields, 0, -1, "start_date:end_date"),
  KIND (KZ_KIND_MILESTONE, "milestone", "milestones", N_("Milestone"), N_("Milestones"), milestone_fields, 1, 0, NULL),
  KIND (KZ_KIND_PARTNERSHIP, "partnership", "partnerships", N_("Partnership"), N_("Partnerships"), partnership_fields, 0, -1, "start_date:end_date"),
  KIND (KZ_KIND_TRAINING, "training", "trainings", N_("Training"), N_("Trainings"), training_fields, 0, -1, NULL),
  KIND (KZ_KIND_SESSION, "session", "training_sessions", N_("Session"), N_("Sessions"), session_fields, 1, 0, "start_time:end_time"),
  KIND (KZ_KIND_REGISTRATION, "registration", "registrations", N_("Registration"), N_("Registrations"), registration_fields, 1, 0, NULL),
  KIND (KZ_KIND_PROGRAMME, "programme", "programmes", N_("Funding programme"), N_("Funding programmes"), programme_fields, 0, -1, NULL),
  KIND (KZ_KIND_DEADLINE, "deadline", "deadlines", N_("Call deadline"), N_("Call deadlines"), deadline_fields, 2, 0, NULL),
  KIND (KZ_KIND_APPLICATION, "application", "applications", N_("Funding application"), N_("Funding applications"), application_fields, 1, -1, "submitted_date:decision_date"),
  KIND (KZ_KIND_VISIT, "visit", "visits", N_("Site visit"), N_("Site visits"), visit_fields, 1, -1, NULL),
  KIND (KZ_KIND_TASK, "task", "tasks", N_("Follow-up task"), N_("Follow-up tasks"), task_fields, 1, 0, NULL),
};

static const KzLinkInfo links[KZ_N_LINKS] = {
  [KZ_LINK_PROJECT_ORGANISATION] = {
    KZ_LINK_PROJECT_ORGANISATION, "project-organisation", "project_organisations",
    KZ_KIND_PROJECT, "project_id", KZ_KIND_ORGANISATION, "organisation_id",
    N_("Participating organisations") },
  [KZ_LINK_PARTNERSHIP_ORGANISATION] = {
    KZ_LINK_PARTNERSHIP_ORGANISATION, "partnership-organisation", "partnership_organisations",
    KZ_KIND_PARTNERSHIP, "partnership_id", KZ_KIND_ORGANISATION, "organisation_id",
    N_("Organisations in the partnership") },
  [KZ_LINK_PARTNERSHIP_PROJECT] = {
    KZ_LINK_PARTNERSHIP_PROJECT, "partnership-project", "partnership_projects",
    KZ_KIND_PARTNERSHIP, "partnership_id", KZ_KIND_PROJECT, "project_id",
    N_("Projects in the partnership") },
  [KZ_LINK_APPLICATION_PROJECT] = {
    KZ_LINK_APPLICATION_PROJECT, "application-project", "application_projects",
    KZ_KIND_APPLICATION, "application_id", KZ_KIND_PROJECT, "project_id",
    N_("Funded projects") },
  [KZ_LINK_TRAINING_PROJECT] = {
    KZ_LINK_TRAINING_PROJECT, "training-project", "training_projects",
    KZ_KIND_TRAINING, "training_id", KZ_KIND_PROJECT, "project_id",
    N_("Related projects") },
};

const KzKindInfo *
kz_kind_get_info (KzKind kind)
{
  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);

  return &kinds[kind];
}

gboolean
kz_kind_from_name (const char *name,
                   KzKind     *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < KZ_N_KINDS; i++)
    {
      if (g_str_equal (kinds[i].name, name) || g_str_equal (kinds[i].table, name))
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

int
kz_kind_find_field (KzKind      kind,
                    const char *field)
{
  const KzKindInfo *info;

  g_return_val_if_fail (kind < KZ_N_KINDS, -1);
  g_return_val_if_fail (field != NULL, -1);

  info = &kinds[kind];
  for (guint i = 0; i < info->n_fields; i++)
    if (g_str_equal (info->fields[i].name, field))
      return i;

  return -1;
}

const KzField *
kz_kind_get_field (KzKind      kind,
                   const char *field)
{
  int idx = kz_kind_find_field (kind, field);

  return idx < 0 ? NULL : &kinds[kind].fields[idx];
}

const KzLinkInfo *
kz_link_get_info (KzLink link)
{
  g_return_val_if_fail (link < KZ_N_LINKS, NULL);

  return &links[link];
}

gboolean
kz_link_from_name (const char *name,
                   KzLink     *link)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < KZ_N_LINKS; i++)
    {
      if (g_str_equal (links[i].name, name))
        {
          if (link != NULL)
            *link = i;
          return TRUE;
        }
    }

  return FALSE;
}
