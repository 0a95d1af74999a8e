/* kz-csv-import-map.c
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

#include <string.h>

#include "kz-csv-import-private.h"

/* Headings German spreadsheets commonly use, already normalised, for
 * fields of any kind that has them.  Labels and field names in English
 * and the current language are matched anyway. */
static const struct
{
  const char *field;
  const char *aliases;
} german_headings[] = {
  { "name", "bezeichnung|organisation|traeger|einrichtung|firma|unternehmen|programm" },
  { "umbrella", "spitzenverband|verband|dachverband|wohlfahrtsverband" },
  { "fields_of_work", "arbeitsfelder|hilfefelder|arbeitsbereiche" },
  { "district", "landkreis|kreis|bezirk|region" },
  { "street", "strasse|adresse|anschrift|strassehausnummer" },
  { "postcode", "plz|postleitzahl" },
  { "city", "ort|stadt|gemeinde|sitz|wohnort" },
  { "staff", "mitarbeitende|beschaeftigte|mitarbeiter|mitarbeiterinnen|personal" },
  { "email", "email|mail|emailadresse" },
  { "phone", "telefon|tel|telefonnummer" },
  { "website", "webseite|website|internet|homepage|url|internetseite" },
  { "notes", "notizen|bemerkungen|anmerkungen|bemerkung|notiz" },
  { "sector", "branche" },
  { "size", "groesse|unternehmensgroesse|betriebsgroesse" },
  { "contact_name", "ansprechpartner|ansprechpartnerin|ansprechperson|kontaktperson" },
  { "contact_email", "kontaktemail|emailansprechpartner" },
  { "contact_phone", "kontakttelefon|telefonansprechpartner" },
  { "title", "titel|projekt|projekttitel|projektname|schulung|veranstaltung|seminar" },
  { "description", "beschreibung|kurzbeschreibung|inhalt" },
  { "health", "ampel|projektampel|zustand" },
  { "focus_area", "handlungsfeld|schwerpunkt|themenfeld" },
  { "field_of_work", "arbeitsfeld|hilfefeld|arbeitsbereich" },
  { "lead_organisation_id", "traeger|federfuehrendeorganisation|leitorganisation|organisation|einrichtung" },
  { "advisor", "berater|beraterin|beratung|zustaendig" },
  { "start_date", "beginn|start|startdatum|anfang|von" },
  { "end_date", "ende|enddatum|bis|laufzeitende" },
  { "budget_planned", "budget|geplantesbudget|budgetgeplant|plankosten|kosten" },
  { "budget_actual", "ausgaben|istkosten|budgetist|verbraucht" },
  { "tags", "schlagworte|stichworte|schlagwoerter" },
  { "topic", "thema" },
  { "capacity", "plaetze|kapazitaet|teilnehmerzahl|maxteilnehmende" },
  { "trainers", "referenten|referentinnen|referentin|trainer|trainerin|dozenten|dozentin" },
  { "registration_deadline", "anmeldeschluss|anmeldefrist" },
};

static void
append_folded (GString  *out,
               gunichar  c)
{
  switch (c)
    {
    case 0x00E4: g_string_append (out, "ae"); break;   /* ä */
    case 0x00F6: g_string_append (out, "oe"); break;   /* ö */
    case 0x00FC: g_string_append (out, "ue"); break;   /* ü */
    case 0x00DF: g_string_append (out, "ss"); break;   /* ß */
    default: g_string_append_unichar (out, c); break;
    }
}

char *
_kz_csv_normalise (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  g_autofree char *decomposed = NULL;
  GString *translit = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    append_folded (translit, g_utf8_get_char (p));

  decomposed = g_utf8_normalize (translit->str, -1, G_NORMALIZE_NFKD);
  g_string_free (translit, TRUE);

  for (const char *p = decomposed ? decomposed : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) && !g_unichar_ismark (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

static gboolean
equal_normalised (const char *wanted,
                  const char *candidate)
{
  g_autofree char *norm = _kz_csv_normalise (candidate);

  return norm[0] != 0 && g_str_equal (wanted, norm);
}

static gboolean
matches_field (const KzField *f,
               const char    *wanted)
{
  g_autofree char *bare = NULL;

  if (equal_normalised (wanted, f->name) ||
      equal_normalised (wanted, f->label) ||
      equal_normalised (wanted, g_dgettext (GETTEXT_PACKAGE, f->label)))
    return TRUE;

  if (g_str_has_suffix (f->name, "_id"))
    {
      bare = g_strndup (f->name, strlen (f->name) - 3);
      return equal_normalised (wanted, bare);
    }

  return FALSE;
}

static gboolean
matches_alias (const KzField *f,
               const char    *wanted)
{
  for (guint i = 0; i < G_N_ELEMENTS (german_headings); i++)
    {
      g_auto(GStrv) aliases = NULL;

      if (!g_str_equal (german_headings[i].field, f->name))
        continue;

      aliases = g_strsplit (german_headings[i].aliases, "|", -1);
      return g_strv_contains ((const char * const *)aliases, wanted);
    }

  return FALSE;
}

const char *
_kz_csv_match_header (KzKind      kind,
                      const char *header)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  g_autofree char *wanted = _kz_csv_normalise (header);

  if (wanted[0] == 0)
    return NULL;

  for (guint i = 0; i < info->n_fields; i++)
    if (matches_field (&info->fields[i], wanted))
      return info->fields[i].name;

  for (guint i = 0; i < info->n_fields; i++)
    if (matches_alias (&info->fields[i], wanted))
      return info->fields[i].name;

  return NULL;
}
