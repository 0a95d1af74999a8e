/* kz-schema.h
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

#include <glib.h>

G_BEGIN_DECLS

/* The record kinds of a portfolio.  Order is stable: it is used as an
 * index into the schema table, never stored. */
typedef enum
{
  KZ_KIND_ORGANISATION,
  KZ_KIND_CONTACT,
  KZ_KIND_ASSESSMENT,
  KZ_KIND_FIRM,
  KZ_KIND_PROJECT,
  KZ_KIND_MILESTONE,
  KZ_KIND_PARTNERSHIP,
  KZ_KIND_TRAINING,
  KZ_KIND_SESSION,
  KZ_KIND_REGISTRATION,
  KZ_KIND_PROGRAMME,
  KZ_KIND_DEADLINE,
  KZ_KIND_APPLICATION,
  KZ_KIND_VISIT,
  KZ_KIND_TASK,
  KZ_N_KINDS
} KzKind;

typedef enum
{
  KZ_FIELD_TEXT,     /* free text */
  KZ_FIELD_CHOICE,   /* one term id of a vocabulary */
  KZ_FIELD_LIST,     /* several term ids (or free tags when no vocabulary) */
  KZ_FIELD_INT,      /* whole number */
  KZ_FIELD_NUMBER,   /* decimal number */
  KZ_FIELD_MONEY,    /* euro amount, kept as whole cents */
  KZ_FIELD_BOOL,
  KZ_FIELD_DATE,     /* ISO 8601 date, YYYY-MM-DD */
  KZ_FIELD_TIME,     /* HH:MM */
  KZ_FIELD_REF,      /* UUID of a record of ref_kind */
} KzFieldType;

typedef enum
{
  KZ_FIELD_FLAG_NONE       = 0,
  KZ_FIELD_FLAG_REQUIRED   = 1 << 0,
  KZ_FIELD_FLAG_SEARCHABLE = 1 << 1,  /* part of full-text search */
  KZ_FIELD_FLAG_MULTILINE  = 1 << 2,  /* longer text, edited in a text view */
  KZ_FIELD_FLAG_EMAIL      = 1 << 3,  /* must look like an e-mail address */
  KZ_FIELD_FLAG_URL        = 1 << 4,
  KZ_FIELD_FLAG_LEVEL      = 1 << 5,  /* maturity level 1–5 */
  KZ_FIELD_FLAG_PERCENT    = 1 << 6,  /* 0–100 */
} KzFieldFlags;

typedef struct
{
  const char *id;      /* stable, stored */
  const char *label;   /* translatable (N_), shown through kz_term_get_label() */
} KzTerm;

typedef struct
{
  const char   *name;
  const KzTerm *terms;
  guint         n_terms;
  gboolean      translate;  /* FALSE for proper names such as districts */
} KzVocabulary;

typedef struct
{
  const char         *name;      /* column name and JSON key */
  KzFieldType         type;
  const char         *label;     /* translatable (N_) */
  KzFieldFlags        flags;
  const KzVocabulary *vocab;     /* CHOICE and LIST */
  KzKind              ref_kind;  /* REF */
} KzField;

typedef struct
{
  KzKind         kind;
  const char    *name;          /* "project": used in JSON and on the command line */
  const char    *table;         /* "projects" */
  const char    *label;         /* translatable: "Project" */
  const char    *plural_label;  /* translatable: "Projects" */
  const KzField *fields;
  guint          n_fields;
  guint          title_field;   /* index of the field that names a record */
  int            parent_field;  /* index of the REF to the owning record, or -1 */
  const char    *end_after;     /* "start_date:end_date" ordering rule, or NULL */
} KzKindInfo;

/* Many-to-many links between records.  They merge as sets. */
typedef enum
{
  KZ_LINK_PROJECT_ORGANISATION,
  KZ_LINK_PARTNERSHIP_ORGANISATION,
  KZ_LINK_PARTNERSHIP_PROJECT,
  KZ_LINK_APPLICATION_PROJECT,
  KZ_LINK_TRAINING_PROJECT,
  KZ_N_LINKS
} KzLink;

typedef struct
{
  KzLink      link;
  const char *name;     /* "project-organisation" */
  const char *table;    /* "project_organisations" */
  KzKind      a_kind;
  const char *a_column;
  KzKind      b_kind;
  const char *b_column;
  const char *label;    /* translatable: "Participating organisations" */
} KzLinkInfo;

const KzKindInfo   *kz_kind_get_info          (KzKind             kind);
gboolean            kz_kind_from_name         (const char        *name,
                                               KzKind            *kind);
int                 kz_kind_find_field        (KzKind             kind,
                                               const char        *field);
const KzField      *kz_kind_get_field         (KzKind             kind,
                                               const char        *field);
const KzLinkInfo   *kz_link_get_info          (KzLink             link);
gboolean            kz_link_from_name         (const char        *name,
                                               KzLink            *link);

const KzVocabulary *kz_vocabulary_get         (const char        *name);
const KzTerm       *kz_vocabulary_lookup      (const KzVocabulary *vocab,
                                               const char        *id);
const char         *kz_vocabulary_get_label   (const KzVocabulary *vocab,
                                               const char        *id);
const KzTerm       *kz_vocabulary_find_label  (const KzVocabulary *vocab,
                                               const char        *text);

/* Vocabularies used by the schema, exported for the demo generator and the GUI. */
extern const KzVocabulary kz_vocab_status;
extern const KzVocabulary kz_vocab_health;
extern const KzVocabulary kz_vocab_focus_area;
extern const KzVocabulary kz_vocab_field_of_work;
extern const KzVocabulary kz_vocab_umbrella;
extern const KzVocabulary kz_vocab_district;
extern const KzVocabulary kz_vocab_contact_role;
extern const KzVocabulary kz_vocab_firm_size;
extern const KzVocabulary kz_vocab_cooperation;
extern const KzVocabulary kz_vocab_agreement;
extern const KzVocabulary kz_vocab_training_format;
extern const KzVocabulary kz_vocab_training_status;
extern const KzVocabulary kz_vocab_application_status;

G_END_DECLS
