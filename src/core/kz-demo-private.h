/* kz-demo-private.h
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

#pragma once

#include "kz-demo.h"

G_BEGIN_DECLS

/* Shared by the demo generator's source files: static German tables
 * (kz-demo-data.c, kz-demo-texts.c), the generator state and its
 * random helpers (kz-demo.c) and the generators of each area. */

#define KZ_DEMO_UUID_LEN 37
#define KZ_DEMO_NO_DATE  G_MININT

/* Declares a static table and its length, defined with KZ_DEMO_LEN(). */
#define KZ_DEMO_TABLE(type, name) \
  extern type const name[];        \
  extern const guint name##_len
#define KZ_DEMO_LEN(name) const guint name##_len = G_N_ELEMENTS (name)

/* A term id and how often it is chosen, relative to its neighbours. */
typedef struct
{
  const char *id;
  guint       weight;
} KzDemoChoice;

typedef struct
{
  const char *ags;        /* district, a term id of kz_vocab_district */
  const char *postcode;
  const char *name;
  const char *area_code;  /* telephone */
} KzDemoTown;

typedef struct
{
  const char *ags;
  const char *short_name; /* "Gifhorn", "Osnabrück-Land" */
  const char *area;       /* "den Landkreis Gifhorn", as in "Caritasverband für …" */
  guint       diocese;    /* index into _kz_demo_caritas_dioceses */
  guint       weight;     /* about the population in ten thousands */
  gboolean    catholic;   /* a Catholic region: more Caritas members */
} KzDemoDistrict;

typedef struct
{
  const char *id;         /* term id of kz_vocab_umbrella */
  guint       weight;
} KzDemoUmbrella;

/* Name templates understand {town} (any town of the district), {seat}
 * (its main town), {short}, {area}, {diocese}, {saint}, {church} and
 * {kita}; see _kz_demo_expand().  Templates without {town} are placed
 * in the district's main town. */
typedef struct
{
  const char *umbrella;
  const char *name;
  const char *fields;     /* term ids of kz_vocab_field_of_work; NULL: several */
  guint       staff_min;
  guint       staff_max;
  guint       weight;
} KzDemoOrgPattern;

typedef struct
{
  const char *sector;
  const char *names;      /* "|" separated templates with {prefix}, {surname} */
  const char *sizes;      /* "," separated term ids of kz_vocab_firm_size */
  guint       weight;
} KzDemoSector;

typedef struct
{
  const char *title;
  const char *focus_area;    /* term id of kz_vocab_focus_area */
  const char *field_of_work; /* term id of kz_vocab_field_of_work; NULL: any */
  const char *tags;          /* "," separated */
  const char *description;
  const char *milestones;    /* "|" separated, in order */
  guint       budget_min;    /* euros */
  guint       budget_max;
} KzDemoProjectPattern;

typedef struct
{
  const char *name;
  const char *short_name;
  const char *funder;
  guint       max_amount;     /* euros; 0: no limit */
  guint       rate;           /* percent */
  const char *website;
  const char *description;
  const char *call;           /* deadline title with {n} and {year} */
  guint       calls_per_year; /* 0: open all year */
  guint       weight;
  const char *fields;         /* fields of work it funds, "," separated; NULL: all */
} KzDemoProgramme;

typedef struct
{
  const char *topic;
  const char *titles;      /* "|" separated */
  const char *focus_area;
  const char *formats;     /* "," separated term ids of kz_vocab_training_format */
  const char *description;
  const char *field_of_work; /* for in-house trainings; NULL: any */
} KzDemoTopic;

typedef struct
{
  const char *form;        /* term id of kz_vocab_cooperation */
  const char *titles;      /* "|" separated templates with {firm} and {org} */
  const char *outcomes;    /* "|" separated */
  guint       min_days;
  guint       max_days;
  guint       weight;
  const char *sectors;     /* "|" separated firm sectors it suits; NULL: all */
} KzDemoCooperation;

/* kz-demo-data.c: people, places and organisations */
KZ_DEMO_TABLE (const char *, _kz_demo_female_names);
KZ_DEMO_TABLE (const char *, _kz_demo_male_names);
KZ_DEMO_TABLE (const char *, _kz_demo_surnames);
KZ_DEMO_TABLE (const char *, _kz_demo_advisors);
KZ_DEMO_TABLE (const char *, _kz_demo_trainers);
KZ_DEMO_TABLE (const char *, _kz_demo_streets);
KZ_DEMO_TABLE (const char *, _kz_demo_saints);
KZ_DEMO_TABLE (const char *, _kz_demo_church_names);
KZ_DEMO_TABLE (const char *, _kz_demo_kita_names);
KZ_DEMO_TABLE (const char *, _kz_demo_caritas_dioceses);
KZ_DEMO_TABLE (KzDemoDistrict, _kz_demo_districts);
KZ_DEMO_TABLE (KzDemoTown, _kz_demo_towns);
KZ_DEMO_TABLE (KzDemoUmbrella, _kz_demo_umbrellas);
KZ_DEMO_TABLE (KzDemoOrgPattern, _kz_demo_org_patterns);
KZ_DEMO_TABLE (const char *, _kz_demo_org_notes);
KZ_DEMO_TABLE (KzDemoSector, _kz_demo_sectors);
KZ_DEMO_TABLE (const char *, _kz_demo_firm_prefixes);
KZ_DEMO_TABLE (KzDemoTown, _kz_demo_firm_towns);

/* kz-demo-texts.c: projects, funding, trainings, cooperation, visits */
KZ_DEMO_TABLE (KzDemoProjectPattern, _kz_demo_project_patterns);
KZ_DEMO_TABLE (const char *, _kz_demo_general_tags);
KZ_DEMO_TABLE (KzDemoProgramme, _kz_demo_programmes);
KZ_DEMO_TABLE (KzDemoTopic, _kz_demo_topics);
KZ_DEMO_TABLE (const char *, _kz_demo_months);
KZ_DEMO_TABLE (const char *, _kz_demo_venues);
KZ_DEMO_TABLE (KzDemoCooperation, _kz_demo_cooperations);
KZ_DEMO_TABLE (const char *, _kz_demo_assessment_notes);
KZ_DEMO_TABLE (const char *, _kz_demo_attendee_roles);
KZ_DEMO_TABLE (const char *, _kz_demo_visit_reasons);
KZ_DEMO_TABLE (const char *, _kz_demo_visit_findings);
KZ_DEMO_TABLE (const char *, _kz_demo_visit_agreements);
KZ_DEMO_TABLE (const char *, _kz_demo_task_titles);

/* Generator state */

typedef struct
{
  char              uuid[KZ_DEMO_UUID_LEN];
  char             *name;
  char             *short_name;    /* without the legal form */
  char             *domain;        /* "awo-kreisverband-gifhorn.example.org" */
  const KzDemoTown *town;
  guint             district;      /* index into kz_vocab_district */
  guint             advisor;       /* index into _kz_demo_advisors */
  guint             phone;         /* switchboard number, without area code */
  guint             staff;
  guint             fields;        /* bit mask of kz_vocab_field_of_work indices */
  int               first_project; /* first project it leads, or -1 */
} KzDemoOrg;

typedef struct
{
  char                        uuid[KZ_DEMO_UUID_LEN];
  const KzDemoProjectPattern *pattern;
  guint                       lead;         /* index into orgs */
  const char                 *status;       /* term id of kz_vocab_status */
  const char                 *field;        /* term id of kz_vocab_field_of_work, or NULL */
  guint                       applications; /* how many applications fund it */
  int                         start;        /* days from today, or KZ_DEMO_NO_DATE */
  int                         end;
  gint64                      budget;       /* planned, in cents */
  int                         next_of_lead; /* next project of the same lead, or -1 */
} KzDemoProject;

typedef struct
{
  char                uuid[KZ_DEMO_UUID_LEN];
  char               *name;
  const KzDemoSector *sector;
} KzDemoFirm;

typedef struct
{
  const char *first;
  const char *last;
  gboolean    female;
} KzDemoPerson;

typedef struct
{
  KzStore       *store;
  GCancellable  *cancellable;
  GRand         *rand;
  int            today;          /* Julian day */
  guint          n_projects;
  guint          n_writes;
  GHashTable    *names;          /* organisation names in use */
  guint          n_districts;    /* terms of kz_vocab_district */
  const KzDemoDistrict **districts; /* per district, or NULL if not in the table */
  GPtrArray    **district_towns; /* per district: const KzDemoTown * */
  GArray       **district_orgs;  /* per district: guint indices into orgs */
  KzDemoTown    *fallback_towns; /* for districts the town table lacks */
  GArray        *orgs;           /* KzDemoOrg */
  GArray        *firms;          /* KzDemoFirm */
  GArray        *projects;       /* KzDemoProject */
  char         (*programmes)[KZ_DEMO_UUID_LEN]; /* UUIDs, as _kz_demo_programmes */
} KzDemo;

#define KZ_DEMO_ORG(demo, i)     (&g_array_index ((demo)->orgs, KzDemoOrg, (i)))
#define KZ_DEMO_PROJECT(demo, i) (&g_array_index ((demo)->projects, KzDemoProject, (i)))
#define KZ_DEMO_FIRM(demo, i)    (&g_array_index ((demo)->firms, KzDemoFirm, (i)))

/* A random item of a table declared with KZ_DEMO_TABLE(). */
#define _kz_demo_pick(demo, table) ((table)[_kz_demo_int ((demo), table##_len)])

/* kz-demo.c: randomness, dates, text and writing */
guint        _kz_demo_int          (KzDemo              *demo,
                                    guint                n);
int          _kz_demo_range        (KzDemo              *demo,
                                    int                  lo,
                                    int                  hi);
gboolean     _kz_demo_chance       (KzDemo              *demo,
                                    guint                percent);
guint        _kz_demo_weighted     (KzDemo              *demo,
                                    const guint         *weights,
                                    guint                n);
const char  *_kz_demo_choose       (KzDemo              *demo,
                                    const KzDemoChoice  *choices,
                                    guint                n);
char        *_kz_demo_pick_part    (KzDemo              *demo,
                                    const char          *list,
                                    char                 separator);
void         _kz_demo_person       (KzDemo              *demo,
                                    KzDemoPerson        *person);
char        *_kz_demo_expand       (const char          *pattern,
                                    const char * const  *keys_and_values);
char        *_kz_demo_fold         (const char          *text);
char        *_kz_demo_domain       (const char          *name,
                                    const char          *suffix);
char        *_kz_demo_email        (const KzDemoPerson  *person,
                                    const char          *domain);
guint        _kz_demo_term_index   (const KzVocabulary  *vocab,
                                    const char          *id);
gboolean     _kz_demo_list_has     (const char          *list,
                                    char                 separator,
                                    const char          *item);
void         _kz_demo_format_date  (KzDemo              *demo,
                                    int                  offset,
                                    char                 out[11]);
int          _kz_demo_year         (KzDemo              *demo,
                                    int                  offset);
guint        _kz_demo_month        (KzDemo              *demo,
                                    int                  offset);
void         _kz_demo_set_date     (KzDemo              *demo,
                                    KzRecord            *record,
                                    const char          *field,
                                    int                  offset);
KzRecord    *_kz_demo_record_new   (KzDemo              *demo,
                                    KzKind               kind,
                                    char                *uuid_out);
gboolean     _kz_demo_save         (KzDemo              *demo,
                                    KzRecord            *record,
                                    GError             **error);
gboolean     _kz_demo_link         (KzDemo              *demo,
                                    KzLink               link,
                                    const char          *a,
                                    const char          *b,
                                    GError             **error);

/* The generators of each area, called in this order. */
gboolean     _kz_demo_add_programmes    (KzDemo  *demo,
                                         GError **error);
gboolean     _kz_demo_add_organisations (KzDemo  *demo,
                                         guint    n,
                                         GError **error);
gboolean     _kz_demo_add_firms         (KzDemo  *demo,
                                         guint    n,
                                         GError **error);
gboolean     _kz_demo_add_projects      (KzDemo  *demo,
                                         guint    n,
                                         GError **error);
gboolean     _kz_demo_add_applications  (KzDemo  *demo,
                                         guint    n,
                                         GError **error);
gboolean     _kz_demo_add_partnerships  (KzDemo  *demo,
                                         guint    n,
                                         GError **error);
gboolean     _kz_demo_add_trainings     (KzDemo  *demo,
                                         guint    n,
                                         GError **error);
gboolean     _kz_demo_add_visits        (KzDemo  *demo,
                                         guint    n,
                                         GError **error);

G_END_DECLS
