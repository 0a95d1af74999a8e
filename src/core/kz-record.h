/* kz-record.h
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

#include <glib-object.h>

#include "kz-schema.h"

G_BEGIN_DECLS

#define KZ_RECORD_ERROR (kz_record_error_quark ())

typedef enum
{
  KZ_RECORD_ERROR_UNKNOWN_FIELD,
  KZ_RECORD_ERROR_INVALID,     /* a value that cannot be parsed or breaks a rule */
  KZ_RECORD_ERROR_REQUIRED,    /* a required field is empty */
} KzRecordError;

#define KZ_TYPE_RECORD (kz_record_get_type ())

G_DECLARE_FINAL_TYPE (KzRecord, kz_record, KZ, RECORD, GObject)

GQuark               kz_record_error_quark    (void);

KzRecord            *kz_record_new            (KzKind       kind);
KzRecord            *kz_record_new_with_uuid  (KzKind       kind,
                                               const char  *uuid);
KzRecord            *kz_record_copy           (KzRecord    *self);

KzKind               kz_record_get_kind       (KzRecord    *self);
const KzKindInfo    *kz_record_get_info       (KzRecord    *self);
const char          *kz_record_get_uuid       (KzRecord    *self);
gint64               kz_record_get_created    (KzRecord    *self);
void                 kz_record_set_created    (KzRecord    *self,
                                               gint64       created);
gint64               kz_record_get_modified   (KzRecord    *self);
void                 kz_record_set_modified   (KzRecord    *self,
                                               gint64       modified);
gboolean             kz_record_get_deleted    (KzRecord    *self);
void                 kz_record_set_deleted    (KzRecord    *self,
                                               gboolean     deleted);

/* The record's name: its title field, for lists and links. */
const char          *kz_record_get_title      (KzRecord    *self);

gboolean             kz_record_is_set         (KzRecord    *self,
                                               const char  *field);
void                 kz_record_unset          (KzRecord    *self,
                                               const char  *field);

/* TEXT, CHOICE, DATE, TIME and REF fields; NULL when unset. */
const char          *kz_record_get_string     (KzRecord    *self,
                                               const char  *field);
void                 kz_record_set_string     (KzRecord    *self,
                                               const char  *field,
                                               const char  *value);
/* INT, MONEY (cents) and BOOL fields; 0 when unset. */
gint64               kz_record_get_int        (KzRecord    *self,
                                               const char  *field);
void                 kz_record_set_int        (KzRecord    *self,
                                               const char  *field,
                                               gint64       value);
gboolean             kz_record_get_bool       (KzRecord    *self,
                                               const char  *field);
void                 kz_record_set_bool       (KzRecord    *self,
                                               const char  *field,
                                               gboolean     value);
/* NUMBER fields; 0 when unset. */
double               kz_record_get_number     (KzRecord    *self,
                                               const char  *field);
void                 kz_record_set_number     (KzRecord    *self,
                                               const char  *field,
                                               double       value);
/* LIST fields; never NULL (an empty vector when unset). */
const char * const  *kz_record_get_list       (KzRecord    *self,
                                               const char  *field);
void                 kz_record_set_list       (KzRecord    *self,
                                               const char  *field,
                                               const char * const *value);

/* Canonical text of a field (ISO dates, "1234.50" for money, "a, b" for
 * lists, "true"/"false"): what the command line and JSON exchange.
 * NULL when unset. */
char                *kz_record_dup_text       (KzRecord    *self,
                                               const char  *field);
/* Parses canonical or localised text into the field; empty text unsets it.
 * On error the record is unchanged. */
gboolean             kz_record_set_text       (KzRecord    *self,
                                               const char  *field,
                                               const char  *text,
                                               GError     **error);

gboolean             kz_record_field_equal    (KzRecord    *self,
                                               KzRecord    *other,
                                               const char  *field);

/* Checks one field, or the whole record (required fields, ranges,
 * e-mail addresses, end after start).  Messages are translated. */
gboolean             kz_record_validate_field (KzRecord    *self,
                                               const char  *field,
                                               GError     **error);
gboolean             kz_record_validate       (KzRecord    *self,
                                               GError     **error);

G_END_DECLS
