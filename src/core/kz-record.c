/* kz-record.c
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

#define G_LOG_DOMAIN "kz-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kz-record.h"

typedef struct
{
  gboolean set;
  union
  {
    char   *s;
    gint64  i;
    double  d;
    char  **v;
  };
} KzValue;

struct _KzRecord
{
  GObject   parent_instance;

  KzKind    kind;
  char     *uuid;
  gint64    created;
  gint64    modified;
  gboolean  deleted;
  KzValue  *values;
};

G_DEFINE_FINAL_TYPE (KzRecord, kz_record, G_TYPE_OBJECT)
G_DEFINE_QUARK (kz-record-error-quark, kz_record_error)

static const char * const empty_list[] = { NULL };

static gboolean
type_is_string (KzFieldType type)
{
  return type == KZ_FIELD_TEXT || type == KZ_FIELD_CHOICE || type == KZ_FIELD_DATE ||
         type == KZ_FIELD_TIME || type == KZ_FIELD_REF;
}

static gboolean
type_is_int (KzFieldType type)
{
  return type == KZ_FIELD_INT || type == KZ_FIELD_MONEY || type == KZ_FIELD_BOOL;
}

static void
value_clear (KzValue     *value,
             KzFieldType  type)
{
  if (value->set)
    {
      if (type_is_string (type))
        g_free (value->s);
      else if (type == KZ_FIELD_LIST)
        g_strfreev (value->v);
    }
  memset (value, 0, sizeof *value);
}

static KzValue *
lookup (KzRecord        *self,
        const char      *field,
        const KzField  **out_field)
{
  int idx = kz_kind_find_field (self->kind, field);

  if (idx < 0)
    {
      g_critical ("%s has no field “%s”", kz_kind_get_info (self->kind)->name, field);
      return NULL;
    }

  *out_field = &kz_kind_get_info (self->kind)->fields[idx];
  return &self->values[idx];
}

static void
kz_record_finalize (GObject *object)
{
  KzRecord *self = (KzRecord *)object;
  const KzKindInfo *info = kz_kind_get_info (self->kind);

  for (guint i = 0; i < info->n_fields; i++)
    value_clear (&self->values[i], info->fields[i].type);
  g_free (self->values);
  g_free (self->uuid);

  G_OBJECT_CLASS (kz_record_parent_class)->finalize (object);
}

static void
kz_record_class_init (KzRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_record_finalize;
}

static void
kz_record_init (KzRecord *self)
{
}

KzRecord *
kz_record_new_with_uuid (KzKind      kind,
                         const char *uuid)
{
  KzRecord *self;

  g_return_val_if_fail (kind < KZ_N_KINDS, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  self = g_object_new (KZ_TYPE_RECORD, NULL);
  self->kind = kind;
  self->uuid = g_strdup (uuid);
  self->values = g_new0 (KzValue, kz_kind_get_info (kind)->n_fields);

  return self;
}

/**
 * kz_record_new:
 *
 * Creates an unsaved record with a fresh random UUID.
 */
KzRecord *
kz_record_new (KzKind kind)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return kz_record_new_with_uuid (kind, uuid);
}

KzRecord *
kz_record_copy (KzRecord *self)
{
  const KzKindInfo *info;
  KzRecord *copy;

  g_return_val_if_fail (KZ_IS_RECORD (self), NULL);

  info = kz_kind_get_info (self->kind);
  copy = kz_record_new_with_uuid (self->kind, self->uuid);
  copy->created = self->created;
  copy->modified = self->modified;
  copy->deleted = self->deleted;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KzValue *v = &self->values[i];
      KzValue *c = &copy->values[i];

      *c = *v;
      if (v->set && type_is_string (info->fields[i].type))
        c->s = g_strdup (v->s);
      else if (v->set && info->fields[i].type == KZ_FIELD_LIST)
        c->v = g_strdupv (v->v);
    }

  return copy;
}

KzKind
kz_record_get_kind (KzRecord *self)
{
  g_return_val_if_fail (KZ_IS_RECORD (self), 0);
  return self->kind;
}

const KzKindInfo *
kz_record_get_info (KzRecord *self)
{
  g_return_val_if_fail (KZ_IS_RECORD (self), NULL);
  return kz_kind_get_info (self->kind);
}

const char *
kz_record_get_uuid (KzRecord *self)
{
  g_return_val_if_fail (KZ_IS_RECORD (self), NULL);
  return self->uuid;
}

gint64
kz_record_get_created (KzRecord *self)
{
  g_return_val_if_fail (KZ_IS_RECORD (self), 0);
  return self->created;
}

void
kz_record_set_created (KzRecord *self,
                       gint64    created)
{
  g_return_if_fail (KZ_IS_RECORD (self));
  self->created = created;
}

gint64
kz_record_get_modified (KzRecord *self)
{
  g_return_val_if_fail (KZ_IS_RECORD (self), 0);
  return self->modified;
}

void
kz_record_set_modified (KzRecord *self,
                        gint64    modified)
{
  g_return_if_fail (KZ_IS_RECORD (self));
  self->modified = modified;
}

gboolean
kz_record_get_deleted (KzRecord *self)
{
  g_return_val_if_fail (KZ_IS_RECORD (self), FALSE);
  return self->deleted;
}

void
kz_record_set_deleted (KzRecord *self,
                       gboolean  deleted)
{
  g_return_if_fail (KZ_IS_RECORD (self));
  self->deleted = !!deleted;
}

const char *
kz_record_get_title (KzRecord *self)
{
  const KzKindInfo *info;
  const KzValue *value;

  g_return_val_if_fail (KZ_IS_RECORD (self), NULL);

  info = kz_kind_get_info (self->kind);
  value = &self->values[info->title_field];

  if (!value->set || !type_is_string (info->fields[info->title_field].type))
    return "";

  return value->s;
}

gboolean
kz_record_is_set (KzRecord   *self,
                  const char *field)
{
  const KzField *f;
  KzValue *value;

  g_return_val_if_fail (KZ_IS_RECORD (self), FALSE);

  value = lookup (self, field, &f);
  return value != NULL && value->set;
}

void
kz_record_unset (KzRecord   *self,
                 const char *field)
{
  const KzField *f;
  KzValue *value;

  g_return_if_fail (KZ_IS_RECORD (self));

  if ((value = lookup (self, field, &f)))
    value_clear (value, f->type);
}

const char *
kz_record_get_string (KzRecord   *self,
                      const char *field)
{
  const KzField *f;
  KzValue *value;

  g_return_val_if_fail (KZ_IS_RECORD (self), NULL);

  value = lookup (self, field, &f);
  if (value == NULL || !value->set)
    return NULL;
  g_return_val_if_fail (type_is_string (f->type), NULL);

  return value->s;
}

void
kz_record_set_string (KzRecord   *self,
                      const char *field,
                      const char *str)
{
  const KzField *f;
  KzValue *value;

  g_return_if_fail (KZ_IS_RECORD (self));

  if (!(value = lookup (self, field, &f)))
    return;
  g_return_if_fail (type_is_string (f->type));

  if (str == value->s)
    return;

  value_clear (value, f->type);
  if (str != NULL)
    {
      value->set = TRUE;
      value->s = g_strdup (str);
    }
}

gint64
kz_record_get_int (KzRecord   *self,
                   const char *field)
{
  const KzField *f;
  KzValue *value;

  g_return_val_if_fail (KZ_IS_RECORD (self), 0);

  value = lookup (self, field, &f);
  if (value == NULL || !value->set)
    return 0;
  g_return_val_if_fail (type_is_int (f->type), 0);

  return value->i;
}

void
kz_record_set_int (KzRecord   *self,
                   const char *field,
                   gint64      i)
{
  const KzField *f;
  KzValue *value;

  g_return_if_fail (KZ_IS_RECORD (self));

  if (!(value = lookup (self, field, &f)))
    return;
  g_return_if_fail (type_is_int (f->type));

  value->set = TRUE;
  value->i = f->type == KZ_FIELD_BOOL ? !!i : i;
}

gboolean
kz_record_get_bool (KzRecord   *self,
                    const char *field)
{
  return kz_record_get_int (self, field) != 0;
}

void
kz_record_set_bool (KzRecord   *self,
                    const char *field,
                    gboolean    b)
{
  kz_record_set_int (self, field, !!b);
}

double
kz_record_get_number (KzRecord   *self,
                      const char *field)
{
  const KzField *f;
  KzValue *value;

  g_return_val_if_fail (KZ_IS_RECORD (self), 0);

  value = lookup (self, field, &f);
  if (value == NULL || !value->set)
    return 0;
  g_return_val_if_fail (f->type == KZ_FIELD_NUMBER, 0);

  return value->d;
}

void
kz_record_set_number (KzRecord   *self,
                      const char *field,
                      double      d)
{
  const KzField *f;
  KzValue *value;

  g_return_if_fail (KZ_IS_RECORD (self));

  if (!(value = lookup (self, field, &f)))
    return;
  g_return_if_fail (f->type == KZ_FIELD_NUMBER);

  value->set = TRUE;
  value->d = d;
}

const char * const *
kz_record_get_list (KzRecord   *self,
                    const char *field)
{
  const KzField *f;
  KzValue *value;

  g_return_val_if_fail (KZ_IS_RECORD (self), empty_list);

  value = lookup (self, field, &f);
  if (value == NULL || !value->set)
    return empty_list;
  g_return_val_if_fail (f->type == KZ_FIELD_LIST, empty_list);

  return (const char * const *)value->v;
}

void
kz_record_set_list (KzRecord           *self,
                    const char         *field,
                    const char * const *list)
{
  const KzField *f;
  KzValue *value;
  char **copy;

  g_return_if_fail (KZ_IS_RECORD (self));

  if (!(value = lookup (self, field, &f)))
    return;
  g_return_if_fail (f->type == KZ_FIELD_LIST);

  copy = g_strdupv ((char **)list);
  value_clear (value, f->type);
  if (copy != NULL && copy[0] != NULL)
    {
      value->set = TRUE;
      value->v = copy;
    }
  else
    g_strfreev (copy);
}

gboolean
kz_record_field_equal (KzRecord   *self,
                       KzRecord   *other,
                       const char *field)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (KZ_IS_RECORD (self), FALSE);
  g_return_val_if_fail (KZ_IS_RECORD (other), FALSE);
  g_return_val_if_fail (self->kind == other->kind, FALSE);

  a = kz_record_dup_text (self, field);
  b = kz_record_dup_text (other, field);

  return g_strcmp0 (a, b) == 0;
}
