/* kz-csv-row.c
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

#define G_LOG_DOMAIN "kz-csv-import"

#include "config.h"

#include "kz-csv-import-private.h"

struct _KzCsvRow
{
  GObject         parent_instance;

  guint           number;
  KzCsvRowAction  action;
  KzRecord       *record;
  char           *message;
  char           *existing_uuid;
};

G_DEFINE_FINAL_TYPE (KzCsvRow, kz_csv_row, G_TYPE_OBJECT)

static void
kz_csv_row_finalize (GObject *object)
{
  KzCsvRow *self = (KzCsvRow *)object;

  g_clear_object (&self->record);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->existing_uuid, g_free);

  G_OBJECT_CLASS (kz_csv_row_parent_class)->finalize (object);
}

static void
kz_csv_row_class_init (KzCsvRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kz_csv_row_finalize;
}

static void
kz_csv_row_init (KzCsvRow *self)
{
}

KzCsvRow *
_kz_csv_row_new (guint           number,
                 KzCsvRowAction  action,
                 KzRecord       *record,
                 const char     *message,
                 const char     *existing_uuid)
{
  KzCsvRow *self = g_object_new (KZ_TYPE_CSV_ROW, NULL);

  self->number = number;
  self->action = action;
  self->record = record ? g_object_ref (record) : NULL;
  self->message = g_strdup (message);
  self->existing_uuid = g_strdup (existing_uuid);

  return self;
}

void
_kz_csv_row_set_record (KzCsvRow *self,
                        KzRecord *record)
{
  g_set_object (&self->record, record);
}

guint
kz_csv_row_get_number (KzCsvRow *self)
{
  g_return_val_if_fail (KZ_IS_CSV_ROW (self), 0);
  return self->number;
}

KzCsvRowAction
kz_csv_row_get_action (KzCsvRow *self)
{
  g_return_val_if_fail (KZ_IS_CSV_ROW (self), KZ_CSV_ROW_REJECT);
  return self->action;
}

KzRecord *
kz_csv_row_get_record (KzCsvRow *self)
{
  g_return_val_if_fail (KZ_IS_CSV_ROW (self), NULL);
  return self->record;
}

const char *
kz_csv_row_get_message (KzCsvRow *self)
{
  g_return_val_if_fail (KZ_IS_CSV_ROW (self), NULL);
  return self->message;
}

const char *
kz_csv_row_get_existing_uuid (KzCsvRow *self)
{
  g_return_val_if_fail (KZ_IS_CSV_ROW (self), NULL);
  return self->existing_uuid;
}
