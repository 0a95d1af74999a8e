/* kz-demo.c
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

#include <string.h>

#include "kz-demo-private.h"

/* The demo generator draws every value from one GRand seeded by the
 * caller and computes every date relative to "today", so the same seed
 * and date always give the same portfolio, UUIDs included. */

/* How many writes pass between two looks at the GCancellable. */
#define CHECK_EVERY 256

static void
demo_free (KzDemo *demo)
{
  for (guint i = 0; i < demo->n_districts; i++)
    {
      g_ptr_array_unref (demo->district_towns[i]);
      g_array_unref (demo->district_orgs[i]);
    }
  g_free (demo->district_towns);
  g_free (demo->district_orgs);
  g_free (demo->districts);
  g_free (demo->fallback_towns);
  g_free (demo->programmes);
  g_clear_pointer (&demo->orgs, g_array_unref);
  g_clear_pointer (&demo->firms, g_array_unref);
  g_clear_pointer (&demo->projects, g_array_unref);
  g_clear_pointer (&demo->names, g_hash_table_unref);
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_object (&demo->cancellable);
  g_clear_object (&demo->store);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KzDemo, demo_free)

static void
clear_org (gpointer data)
{
  KzDemoOrg *org = data;

  g_free (org->name);
  g_free (org->short_name);
  g_free (org->domain);
}

static void
clear_firm (gpointer data)
{
  g_free (((KzDemoFirm *)data)->name);
}

/* A district the town table lacks gets its own name as its only town. */
static void
add_fallback_towns (KzDemo *demo)
{
  const KzVocabulary *vocab = &kz_vocab_district;

  for (guint i = 0; i < vocab->n_terms; i++)
    {
      KzDemoTown *fallback = &demo->fallback_towns[i];

      if (demo->district_towns[i]->len > 0)
        continue;
      fallback->ags = vocab->terms[i].id;
      fallback->name = vocab->terms[i].label;
      fallback->area_code = "0511";
      g_ptr_array_add (demo->district_towns[i], fallback);
    }
}

/* Finds the table entries of every district of the vocabulary. */
static void
index_places (KzDemo *demo)
{
  const KzVocabulary *vocab = &kz_vocab_district;

  demo->n_districts = vocab->n_terms;
  demo->districts = g_new0 (const KzDemoDistrict *, vocab->n_terms);
  demo->district_towns = g_new0 (GPtrArray *, vocab->n_terms);
  demo->district_orgs = g_new0 (GArray *, vocab->n_terms);
  demo->fallback_towns = g_new0 (KzDemoTown, vocab->n_terms);

  for (guint i = 0; i < vocab->n_terms; i++)
    {
      demo->district_towns[i] = g_ptr_array_new ();
      demo->district_orgs[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  for (guint i = 0; i < _kz_demo_districts_len; i++)
    {
      guint d = _kz_demo_term_index (vocab, _kz_demo_districts[i].ags);

      if (d < vocab->n_terms)
        demo->districts[d] = &_kz_demo_districts[i];
    }

  for (guint i = 0; i < _kz_demo_towns_len; i++)
    {
      guint d = _kz_demo_term_index (vocab, _kz_demo_towns[i].ags);

      if (d < vocab->n_terms)
        g_ptr_array_add (demo->district_towns[d], (gpointer)&_kz_demo_towns[i]);
    }

  add_fallback_towns (demo);
}

static int
julian_today (GDate *today)
{
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  if (today != NULL)
    return g_date_get_julian (today);

  now = g_date_time_new_now_local ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));

  return g_date_get_julian (&date);
}

static KzDemo *
demo_new (KzStore      *store,
          guint         n_projects,
          guint32       seed,
          GDate        *today,
          GCancellable *cancellable)
{
  KzDemo *demo = g_new0 (KzDemo, 1);

  demo->store = g_object_ref (store);
  demo->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  demo->rand = g_rand_new_with_seed (seed);
  demo->today = julian_today (today);
  demo->n_projects = n_projects;
  demo->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo->orgs = g_array_new (FALSE, TRUE, sizeof (KzDemoOrg));
  g_array_set_clear_func (demo->orgs, clear_org);
  demo->firms = g_array_new (FALSE, TRUE, sizeof (KzDemoFirm));
  g_array_set_clear_func (demo->firms, clear_firm);
  demo->projects = g_array_new (FALSE, TRUE, sizeof (KzDemoProject));
  demo->programmes = g_malloc0_n (_kz_demo_programmes_len, KZ_DEMO_UUID_LEN);
  index_places (demo);

  return demo;
}

/* Random numbers */

/* A whole number from 0 to @n - 1. */
guint
_kz_demo_int (KzDemo *demo,
              guint   n)
{
  g_assert (n > 0 && n <= G_MAXINT32);

  return g_rand_int_range (demo->rand, 0, (gint32)n);
}

/* A whole number from @lo to @hi, both included. */
int
_kz_demo_range (KzDemo *demo,
                int     lo,
                int     hi)
{
  g_assert (lo <= hi);

  return g_rand_int_range (demo->rand, lo, hi + 1);
}

gboolean
_kz_demo_chance (KzDemo *demo,
                 guint   percent)
{
  return _kz_demo_int (demo, 100) < percent;
}

guint
_kz_demo_weighted (KzDemo      *demo,
                   const guint *weights,
                   guint        n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  g_assert (total > 0);

  r = _kz_demo_int (demo, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  g_assert_not_reached ();
}

const char *
_kz_demo_choose (KzDemo             *demo,
                 const KzDemoChoice *choices,
                 guint               n)
{
  guint weights[32];

  g_assert (n > 0 && n <= G_N_ELEMENTS (weights));

  for (guint i = 0; i < n; i++)
    weights[i] = choices[i].weight;

  return choices[_kz_demo_weighted (demo, weights, n)].id;
}

/* A random item of a @separator separated @list, newly allocated. */
char *
_kz_demo_pick_part (KzDemo     *demo,
                    const char *list,
                    char        separator)
{
  guint n = 1;
  guint k;
  const char *start = list;
  const char *end;

  for (const char *p = list; *p; p++)
    n += *p == separator;

  k = _kz_demo_int (demo, n);
  while (k-- > 0)
    start = strchr (start, separator) + 1;

  end = strchr (start, separator);
  return end ? g_strndup (start, end - start) : g_strdup (start);
}

void
_kz_demo_person (KzDemo       *demo,
                 KzDemoPerson *person)
{
  /* Most people working in social services are women. */
  person->female = _kz_demo_chance (demo, 68);
  person->first = person->female ? _kz_demo_pick (demo, _kz_demo_female_names)
                                 : _kz_demo_pick (demo, _kz_demo_male_names);
  person->last = _kz_demo_pick (demo, _kz_demo_surnames);
}

/* Text */

static const char *
lookup_value (const char * const *keys_and_values,
              const char         *key,
              gsize               key_len)
{
  for (guint i = 0; keys_and_values[i] != NULL; i += 2)
    if (strncmp (keys_and_values[i], key, key_len) == 0 &&
        keys_and_values[i][key_len] == 0)
      return keys_and_values[i + 1];

  return NULL;
}

/* Replaces each {key} of @pattern by its value in the NULL-terminated
 * key/value array @keys_and_values; unknown keys stay as they are. */
char *
_kz_demo_expand (const char         *pattern,
                 const char * const *keys_and_values)
{
  GString *s = g_string_sized_new (64);
  const char *p = pattern;

  while (*p != 0)
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;
      const char *value;

      if (close == NULL)
        {
          g_string_append (s, p);
          break;
        }

      g_string_append_len (s, p, open - p);
      value = lookup_value (keys_and_values, open + 1, close - open - 1);
      if (value != NULL)
        g_string_append (s, value);
      else
        g_string_append_len (s, open, close - open + 1);
      p = close + 1;
    }

  return g_string_free (s, FALSE);
}

static void
append_transliterated (GString  *s,
                       gunichar  c)
{
  switch (c)
    {
    case 0x00E4: g_string_append (s, "ae"); break;  /* ä */
    case 0x00F6: g_string_append (s, "oe"); break;  /* ö */
    case 0x00FC: g_string_append (s, "ue"); break;  /* ü */
    case 0x00C4: g_string_append (s, "Ae"); break;
    case 0x00D6: g_string_append (s, "Oe"); break;
    case 0x00DC: g_string_append (s, "Ue"); break;
    case 0x00DF: g_string_append (s, "ss"); break;  /* ß */
    case 0x0131: g_string_append_c (s, 'i'); break; /* dotless i */
    default: g_string_append_unichar (s, c); break;
    }
}

/* Lower-case ASCII letters and digits of @text, German umlauts spelt
 * out ("Jürgen" -> "juergen"), everything else turned into blanks. */
char *
_kz_demo_fold (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  char *ascii;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    append_transliterated (s, g_utf8_get_char (p));

  ascii = g_str_to_ascii (s->str, "C");
  for (char *p = ascii; *p; p++)
    *p = g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : ' ';

  return ascii;
}

static const char * const stop_words[] = {
  "fuer", "die", "der", "den", "das", "im", "in", "und", "zur", "zum", "am", "an",
  "von", "mit", "ggmbh", "gmbh", "mbh", "zwst", "eg", "ag", "co", "kg", "ug",
  "partg", "haftungsbeschraenkt", NULL
};

/* A plausible domain for an organisation: "AWO Kreisverband Gifhorn
 * e.V." and "example.org" give "awo-kreisverband-gifhorn.example.org".
 * Long names keep their first two and last two words, which usually
 * name the kind of provider and its town. */
char *
_kz_demo_domain (const char *name,
                 const char *suffix)
{
  g_autofree char *folded = _kz_demo_fold (name);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) >= 2 && !g_strv_contains (stop_words, words[i]))
      g_ptr_array_add (kept, words[i]);

  for (guint i = 0; i < kept->len; i++)
    {
      if (kept->len > 4 && i >= 2 && i < kept->len - 2)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '-');
      g_string_append (s, g_ptr_array_index (kept, i));
    }

  if (s->len == 0)
    g_string_append (s, "traeger");
  g_string_append_printf (s, ".%s", suffix);

  return g_string_free (s, FALSE);
}

static char *
fold_word (const char *text)
{
  char *folded = g_strstrip (_kz_demo_fold (text));

  return g_strdelimit (folded, " ", '-');
}

char *
_kz_demo_email (const KzDemoPerson *person,
                const char         *domain)
{
  g_autofree char *first = fold_word (person->first);
  g_autofree char *last = fold_word (person->last);

  return g_strdup_printf ("%s.%s@%s", first, last, domain);
}

/* The index of @id in @vocab, or its number of terms if it has none. */
guint
_kz_demo_term_index (const KzVocabulary *vocab,
                     const char         *id)
{
  for (guint i = 0; i < vocab->n_terms; i++)
    if (g_str_equal (vocab->terms[i].id, id))
      return i;

  return vocab->n_terms;
}

/* Whether the @separator separated @list holds @item; a NULL list
 * stands for "anything". */
gboolean
_kz_demo_list_has (const char *list,
                   char        separator,
                   const char *item)
{
  gsize len;

  if (list == NULL)
    return TRUE;
  if (item == NULL)
    return FALSE;

  len = strlen (item);
  for (const char *p = list; ; p++)
    {
      if (strncmp (p, item, len) == 0 && (p[len] == separator || p[len] == 0))
        return TRUE;
      if ((p = strchr (p, separator)) == NULL)
        return FALSE;
    }
}

/* Dates, in days from today */

static void
date_at (KzDemo *demo,
         int     offset,
         GDate  *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, demo->today + offset);
}

void
_kz_demo_format_date (KzDemo *demo,
                      int     offset,
                      char    out[11])
{
  GDate date;

  date_at (demo, offset, &date);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

int
_kz_demo_year (KzDemo *demo,
               int     offset)
{
  GDate date;

  date_at (demo, offset, &date);
  return g_date_get_year (&date);
}

/* The month, 1 to 12. */
guint
_kz_demo_month (KzDemo *demo,
                int     offset)
{
  GDate date;

  date_at (demo, offset, &date);
  return g_date_get_month (&date);
}

void
_kz_demo_set_date (KzDemo     *demo,
                   KzRecord   *record,
                   const char *field,
                   int         offset)
{
  char text[11];

  if (offset == KZ_DEMO_NO_DATE)
    return;

  _kz_demo_format_date (demo, offset, text);
  kz_record_set_string (record, field, text);
}

/* Records and links */

/* A version 4 UUID made of the generator's random numbers. */
static void
new_uuid (KzDemo *demo,
          char   *out)
{
  guint8 b[16];

  for (guint i = 0; i < 4; i++)
    {
      guint32 r = g_rand_int (demo->rand);

      b[4 * i] = (guint8)(r >> 24);
      b[4 * i + 1] = (guint8)(r >> 16);
      b[4 * i + 2] = (guint8)(r >> 8);
      b[4 * i + 3] = (guint8)r;
    }
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;

  g_snprintf (out, KZ_DEMO_UUID_LEN,
              "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
              b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
              b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* A new record with a generated UUID, copied to @uuid_out if given. */
KzRecord *
_kz_demo_record_new (KzDemo *demo,
                     KzKind  kind,
                     char   *uuid_out)
{
  char uuid[KZ_DEMO_UUID_LEN];

  new_uuid (demo, uuid);
  if (uuid_out != NULL)
    memcpy (uuid_out, uuid, KZ_DEMO_UUID_LEN);

  return kz_record_new_with_uuid (kind, uuid);
}

static gboolean
check_cancelled (KzDemo  *demo,
                 GError **error)
{
  if (++demo->n_writes % CHECK_EVERY != 0)
    return FALSE;

  return g_cancellable_set_error_if_cancelled (demo->cancellable, error);
}

gboolean
_kz_demo_save (KzDemo    *demo,
               KzRecord  *record,
               GError   **error)
{
  if (check_cancelled (demo, error))
    return FALSE;

  return kz_store_save (demo->store, record, error);
}

gboolean
_kz_demo_link (KzDemo      *demo,
               KzLink       link,
               const char  *a,
               const char  *b,
               GError     **error)
{
  if (check_cancelled (demo, error))
    return FALSE;

  return kz_store_link (demo->store, link, a, b, error);
}

/* Public API */

static gboolean
generate (KzDemo  *demo,
          GError **error)
{
  guint n = demo->n_projects;

  return _kz_demo_add_programmes (demo, error) &&
         _kz_demo_add_organisations (demo, MAX (12, n / 2), error) &&
         _kz_demo_add_firms (demo, MAX (5, n / 10), error) &&
         _kz_demo_add_projects (demo, n, error) &&
         _kz_demo_add_applications (demo, n > 0 ? MAX (1, n / 3) : 0, error) &&
         _kz_demo_add_partnerships (demo, MAX (3, n / 5), error) &&
         _kz_demo_add_trainings (demo, MAX (4, n / 10), error) &&
         _kz_demo_add_visits (demo, MAX (2, n / 4), error);
}

/**
 * kz_demo_generate:
 * @store: the portfolio to write into
 * @n_projects: how many projects to create; everything else scales with it
 * @seed: seed of the random numbers, such as %KZ_DEMO_DEFAULT_SEED
 * @today: (nullable): the date all dates are relative to; %NULL for today
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a demo portfolio in one transaction.  On error or cancellation
 * nothing is written.
 *
 * Returns: %TRUE on success
 */
gboolean
kz_demo_generate (KzStore       *store,
                  guint          n_projects,
                  guint32        seed,
                  GDate         *today,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(KzDemo) demo = NULL;

  g_return_val_if_fail (KZ_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (n_projects <= G_MAXINT32 / 2, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  demo = demo_new (store, n_projects, seed, today, cancellable);
  if (!kz_store_begin_bulk (store, error))
    return FALSE;

  if (!generate (demo, error))
    {
      kz_store_rollback (store);
      return FALSE;
    }

  /* A failed commit has already rolled back. */
  return kz_store_commit (store, error);
}
