/* kz-demo-orgs.c
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

/* Organisations with their contacts and maturity checks, and firms. */

typedef struct
{
  guint *district_order;   /* a shuffled order of all districts */
  guint *umbrella_order;   /* a shuffled order of all umbrella associations */
  guint *district_weights;
  guint *district_advisor; /* the advisor responsible for each district */
} OrgPlan;

static void
shuffle (KzDemo *demo,
         guint  *items,
         guint   n)
{
  for (guint i = 0; i < n; i++)
    items[i] = i;

  for (guint i = n; i > 1; i--)
    {
      guint j = _kz_demo_int (demo, i);
      guint tmp = items[i - 1];

      items[i - 1] = items[j];
      items[j] = tmp;
    }
}

static void
plan_init (KzDemo  *demo,
           OrgPlan *plan)
{
  plan->district_order = g_new (guint, demo->n_districts);
  plan->umbrella_order = g_new (guint, kz_vocab_umbrella.n_terms);
  plan->district_weights = g_new (guint, demo->n_districts);
  plan->district_advisor = g_new (guint, demo->n_districts);

  shuffle (demo, plan->district_order, demo->n_districts);
  shuffle (demo, plan->umbrella_order, kz_vocab_umbrella.n_terms);

  for (guint i = 0; i < demo->n_districts; i++)
    {
      plan->district_weights[i] = demo->districts[i] ? demo->districts[i]->weight : 10;
      plan->district_advisor[i] = _kz_demo_int (demo, _kz_demo_advisors_len);
    }
}

static void
plan_clear (OrgPlan *plan)
{
  g_free (plan->district_order);
  g_free (plan->umbrella_order);
  g_free (plan->district_weights);
  g_free (plan->district_advisor);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OrgPlan, plan_clear)

static guint
umbrella_weight (KzDemo *demo,
                 guint   umbrella,
                 guint   district)
{
  const char *id = kz_vocab_umbrella.terms[umbrella].id;
  const KzDemoDistrict *info = demo->districts[district];

  for (guint i = 0; i < _kz_demo_umbrellas_len; i++)
    {
      if (!g_str_equal (_kz_demo_umbrellas[i].id, id))
        continue;
      if (info != NULL && info->catholic && g_str_equal (id, "caritas"))
        return _kz_demo_umbrellas[i].weight * 3;
      return _kz_demo_umbrellas[i].weight;
    }

  return 1;
}

/* The first organisations visit every district and every umbrella
 * association once, so that even a small portfolio shows them all. */
static void
pick_place (KzDemo        *demo,
            const OrgPlan *plan,
            guint          i,
            guint         *district,
            guint         *umbrella)
{
  guint n_umbrellas = kz_vocab_umbrella.n_terms;
  guint weights[32];

  g_assert (n_umbrellas <= G_N_ELEMENTS (weights));

  if (i < demo->n_districts)
    *district = plan->district_order[i];
  else
    *district = _kz_demo_weighted (demo, plan->district_weights, demo->n_districts);

  if (i < n_umbrellas)
    {
      *umbrella = plan->umbrella_order[i];
      return;
    }

  for (guint u = 0; u < n_umbrellas; u++)
    weights[u] = umbrella_weight (demo, u, *district);
  *umbrella = _kz_demo_weighted (demo, weights, n_umbrellas);
}

static const KzDemoOrgPattern *
pick_pattern (KzDemo *demo,
              guint   umbrella)
{
  const char *id = kz_vocab_umbrella.terms[umbrella].id;
  guint weights[128];
  guint n = MIN (_kz_demo_org_patterns_len, G_N_ELEMENTS (weights));
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      gboolean match = g_str_equal (_kz_demo_org_patterns[i].umbrella, id);

      weights[i] = match ? _kz_demo_org_patterns[i].weight : 0;
      any |= match;
    }

  /* An umbrella association the tables do not know: a generic member. */
  if (!any)
    return &_kz_demo_org_patterns[_kz_demo_int (demo, n)];

  return &_kz_demo_org_patterns[_kz_demo_weighted (demo, weights, n)];
}

/* A town of the district for local providers; the district seat, the
 * first town of the table, for those named after the district. */
static const KzDemoTown *
pick_town (KzDemo                 *demo,
           guint                   district,
           const KzDemoOrgPattern *pattern)
{
  GPtrArray *towns = demo->district_towns[district];

  if (strstr (pattern->name, "{town}") == NULL)
    return g_ptr_array_index (towns, 0);

  return g_ptr_array_index (towns, _kz_demo_int (demo, towns->len));
}

static char *
pattern_name (KzDemo                 *demo,
              const KzDemoOrgPattern *pattern,
              guint                   district,
              const KzDemoTown       *town)
{
  const KzDemoDistrict *info = demo->districts[district];
  const char *label = kz_vocab_district.terms[district].label;
  /* One draw a statement: the order of draws must not depend on the compiler. */
  const char *saint = _kz_demo_pick (demo, _kz_demo_saints);
  const char *church = _kz_demo_pick (demo, _kz_demo_church_names);
  const char *kita = _kz_demo_pick (demo, _kz_demo_kita_names);
  const char *values[] = {
    "town", town->name,
    "seat", town->name,
    "short", info ? info->short_name : label,
    "area", info ? info->area : label,
    "diocese", _kz_demo_caritas_dioceses[info ? info->diocese : 0],
    "saint", saint,
    "church", church,
    "kita", kita,
    NULL,
  };

  return _kz_demo_expand (pattern->name, values);
}

/* Takes @name if nobody uses it yet, or else a numbered location of it,
 * as large real providers have.  Returns a copy of the claimed name. */
static char *
claim_name (KzDemo *demo,
            char   *name)
{
  g_autofree char *base = name;
  char *unique = g_strdup (base);

  for (guint k = 2; g_hash_table_contains (demo->names, unique); k++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s (Standort %u)", base, k);
    }
  g_hash_table_add (demo->names, unique);

  return g_strdup (unique);
}

static char *
unique_org_name (KzDemo                  *demo,
                 guint                    district,
                 guint                    umbrella,
                 const KzDemoOrgPattern **pattern,
                 const KzDemoTown       **town)
{
  char *name = NULL;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_free (name);
      *pattern = pick_pattern (demo, umbrella);
      *town = pick_town (demo, district, *pattern);
      name = pattern_name (demo, *pattern, district, *town);
      if (!g_hash_table_contains (demo->names, name))
        break;
    }

  return claim_name (demo, name);
}

static char *
strip_legal_form (const char *name)
{
  static const char * const suffixes[] = { " (ZWST)", " e.V.", " gGmbH" };
  char *s = g_strdup (name);
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          if (g_str_has_suffix (s, suffixes[i]))
            {
              s[strlen (s) - strlen (suffixes[i])] = 0;
              again = TRUE;
            }
        }
    }

  return s;
}

static guint
field_mask (KzDemo     *demo,
            const char *fields)
{
  const KzVocabulary *vocab = &kz_vocab_field_of_work;
  g_auto(GStrv) ids = NULL;
  guint mask = 0;

  /* Large associations work in several fields. */
  if (fields == NULL)
    {
      for (guint n = _kz_demo_range (demo, 3, 5); n > 0; n--)
        mask |= 1u << _kz_demo_int (demo, vocab->n_terms);
      return mask;
    }

  ids = g_strsplit (fields, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      guint idx = _kz_demo_term_index (vocab, ids[i]);

      if (idx < vocab->n_terms)
        mask |= 1u << idx;
    }

  return mask;
}

static void
set_field_list (KzRecord *record,
                guint     mask)
{
  const KzVocabulary *vocab = &kz_vocab_field_of_work;
  const char *ids[33];
  guint n = 0;

  for (guint i = 0; i < vocab->n_terms && n < 32; i++)
    if (mask & (1u << i))
      ids[n++] = vocab->terms[i].id;
  ids[n] = NULL;

  kz_record_set_list (record, "fields_of_work", ids);
}

/* Staff numbers: many small providers, few large ones. */
static guint
skewed (KzDemo *demo,
        guint   lo,
        guint   hi)
{
  guint64 span = hi - lo;
  guint64 r = _kz_demo_int (demo, 1000);

  return lo + (guint)(span * r * r / 1000000);
}

static void
fill_org_record (KzDemo                 *demo,
                 KzRecord               *record,
                 const KzDemoOrg        *org,
                 const KzDemoOrgPattern *pattern,
                 guint                   umbrella)
{
  const char *street_name = _kz_demo_pick (demo, _kz_demo_streets);
  int number = _kz_demo_range (demo, 1, 120);
  g_autofree char *street = g_strdup_printf ("%s %d", street_name, number);
  g_autofree char *email = g_strdup_printf ("info@%s", org->domain);
  g_autofree char *phone = g_strdup_printf ("%s %u-0", org->town->area_code, org->phone);
  g_autofree char *website = g_strdup_printf ("https://www.%s", org->domain);

  kz_record_set_string (record, "name", org->name);
  kz_record_set_string (record, "umbrella", kz_vocab_umbrella.terms[umbrella].id);
  set_field_list (record, org->fields);
  kz_record_set_string (record, "district", kz_vocab_district.terms[org->district].id);
  kz_record_set_string (record, "street", street);
  if (org->town->postcode != NULL)
    kz_record_set_string (record, "postcode", org->town->postcode);
  kz_record_set_string (record, "city", org->town->name);
  kz_record_set_int (record, "staff", org->staff);
  kz_record_set_string (record, "email", email);
  kz_record_set_string (record, "phone", phone);
  kz_record_set_string (record, "website", website);
  if (_kz_demo_chance (demo, 30))
    kz_record_set_string (record, "notes", _kz_demo_pick (demo, _kz_demo_org_notes));
}

/* Shared mailboxes for contacts known only by their role. */
static const char *
role_mailbox (const char *role)
{
  static const char * const mailboxes[] = {
    "management", "leitung", "it", "it", "data_protection", "datenschutz",
    "digital_officer", "digitalisierung", "project_lead", "projekte",
    "works_council", "mav",
  };

  for (guint i = 0; i < G_N_ELEMENTS (mailboxes); i += 2)
    if (g_str_equal (mailboxes[i], role))
      return mailboxes[i + 1];

  return "kontakt";
}

static void
fill_person (KzDemo          *demo,
             KzRecord        *record,
             const KzDemoOrg *org)
{
  KzDemoPerson person;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  int consent;

  _kz_demo_person (demo, &person);
  name = g_strdup_printf ("%s %s", person.first, person.last);
  email = _kz_demo_email (&person, org->domain);
  kz_record_set_string (record, "name", name);
  kz_record_set_string (record, "email", email);

  /* Some consents are still outstanding; some deletion dates have passed. */
  if (!_kz_demo_chance (demo, 88))
    return;
  consent = -_kz_demo_range (demo, 20, 1500);
  _kz_demo_set_date (demo, record, "consent_date", consent);
  if (_kz_demo_chance (demo, 25))
    _kz_demo_set_date (demo, record, "deletion_date", consent + _kz_demo_range (demo, 730, 1460));
}

static gboolean
add_contact (KzDemo           *demo,
             const KzDemoOrg  *org,
             const char       *role,
             GError          **error)
{
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_CONTACT, NULL);
  g_autofree char *phone = NULL;

  kz_record_set_string (record, "organisation_id", org->uuid);
  kz_record_set_string (record, "role", role);
  phone = g_strdup_printf ("%s %u-%d", org->town->area_code, org->phone,
                           _kz_demo_range (demo, 10, 89));
  kz_record_set_string (record, "phone", phone);

  if (!g_str_equal (role, "management") && _kz_demo_chance (demo, 15))
    {
      g_autofree char *email = g_strdup_printf ("%s@%s", role_mailbox (role), org->domain);

      kz_record_set_string (record, "email", email);
    }
  else
    fill_person (demo, record, org);

  return _kz_demo_save (demo, record, error);
}

/* The management first, then one to two other roles. */
static gboolean
add_contacts (KzDemo           *demo,
              const KzDemoOrg  *org,
              GError          **error)
{
  const KzVocabulary *roles = &kz_vocab_contact_role;
  guint n = _kz_demo_range (demo, 1, 3);
  guint used = 0;

  for (guint i = 0; i < n; i++)
    {
      guint role = i == 0 ? _kz_demo_term_index (roles, "management")
                          : _kz_demo_int (demo, roles->n_terms);

      if (role >= roles->n_terms || (used & (1u << role)))
        continue;
      used |= 1u << role;
      if (!add_contact (demo, org, roles->terms[role].id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_assessment (KzDemo           *demo,
                const KzDemoOrg  *org,
                int               date,
                int              *levels,
                GError          **error)
{
  static const char * const dimensions[] = {
    "strategy", "infrastructure", "processes", "skills", "security",
  };
  g_autoptr(KzRecord) record = _kz_demo_record_new (demo, KZ_KIND_ASSESSMENT, NULL);

  kz_record_set_string (record, "organisation_id", org->uuid);
  _kz_demo_set_date (demo, record, "date", date);
  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    kz_record_set_int (record, dimensions[i], levels[i]);
  if (_kz_demo_chance (demo, 70))
    kz_record_set_string (record, "notes", _kz_demo_pick (demo, _kz_demo_assessment_notes));

  return _kz_demo_save (demo, record, error);
}

/* About half the organisations had a maturity check, the first one
 * always; some a second one later, usually a little better. */
static gboolean
add_assessments (KzDemo           *demo,
                 const KzDemoOrg  *org,
                 gboolean          always,
                 GError          **error)
{
  static const guint base_weights[] = { 20, 40, 30, 10 };
  int levels[5];
  int base, first;

  if (!_kz_demo_chance (demo, 50) && !always)
    return TRUE;

  base = 1 + _kz_demo_weighted (demo, base_weights, G_N_ELEMENTS (base_weights));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      int level = base + _kz_demo_range (demo, -1, 1);

      levels[i] = CLAMP (level, 1, 5);
    }

  first = -_kz_demo_range (demo, 60, 900);
  if (!add_assessment (demo, org, first, levels, error))
    return FALSE;

  if (first > -240 || !_kz_demo_chance (demo, 25))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      int level = levels[i] + _kz_demo_range (demo, 0, 1);

      levels[i] = MIN (level, 5);
    }

  return add_assessment (demo, org, first + _kz_demo_range (demo, 180, -first - 30), levels, error);
}

static gboolean
add_organisation (KzDemo         *demo,
                  const OrgPlan  *plan,
                  guint           index,
                  GError        **error)
{
  const KzDemoOrgPattern *pattern;
  g_autoptr(KzRecord) record = NULL;
  KzDemoOrg org = { .first_project = -1 };
  KzDemoOrg *stored;
  guint umbrella;

  record = _kz_demo_record_new (demo, KZ_KIND_ORGANISATION, org.uuid);
  pick_place (demo, plan, index, &org.district, &umbrella);
  org.name = unique_org_name (demo, org.district, umbrella, &pattern, &org.town);
  org.short_name = strip_legal_form (org.name);
  org.domain = _kz_demo_domain (org.short_name, "example.org");
  org.fields = field_mask (demo, pattern->fields);
  org.phone = _kz_demo_range (demo, 1000, 99999);
  org.advisor = plan->district_advisor[org.district];
  org.staff = skewed (demo, pattern->staff_min, pattern->staff_max);
  fill_org_record (demo, record, &org, pattern, umbrella);

  g_array_append_val (demo->orgs, org);
  g_array_append_val (demo->district_orgs[org.district], index);
  stored = KZ_DEMO_ORG (demo, index);

  return _kz_demo_save (demo, record, error) &&
         add_contacts (demo, stored, error) &&
         add_assessments (demo, stored, index == 0, error);
}

gboolean
_kz_demo_add_organisations (KzDemo  *demo,
                            guint    n,
                            GError **error)
{
  g_auto(OrgPlan) plan = { 0 };

  plan_init (demo, &plan);

  for (guint i = 0; i < n; i++)
    if (!add_organisation (demo, &plan, i, error))
      return FALSE;

  return TRUE;
}

/* Firms */

static char *
firm_name (KzDemo             *demo,
           const KzDemoSector *sector)
{
  g_autofree char *pattern = _kz_demo_pick_part (demo, sector->names, '|');
  KzDemoPerson person;
  const char *values[] = {
    "prefix", _kz_demo_pick (demo, _kz_demo_firm_prefixes),
    "surname", NULL,
    NULL,
  };

  _kz_demo_person (demo, &person);
  values[3] = person.last;

  return _kz_demo_expand (pattern, values);
}

static void
fill_firm_contact (KzDemo     *demo,
                   KzRecord   *record,
                   const char *domain,
                   const char *area_code)
{
  KzDemoPerson person;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  int number, extension;

  _kz_demo_person (demo, &person);
  name = g_strdup_printf ("%s %s", person.first, person.last);
  email = _kz_demo_email (&person, domain);
  number = _kz_demo_range (demo, 10000, 999999);
  extension = _kz_demo_range (demo, 10, 399);
  phone = g_strdup_printf ("%s %d-%d", area_code, number, extension);

  kz_record_set_string (record, "contact_name", name);
  kz_record_set_string (record, "contact_email", email);
  kz_record_set_string (record, "contact_phone", phone);
}

static gboolean
add_firm (KzDemo  *demo,
          GError **error)
{
  guint weights[64];
  guint n = MIN (_kz_demo_sectors_len, G_N_ELEMENTS (weights));
  const KzDemoSector *sector;
  const KzDemoTown *town = &_kz_demo_pick (demo, _kz_demo_firm_towns);
  g_autoptr(KzRecord) record = NULL;
  g_autofree char *size = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *website = NULL;
  KzDemoFirm firm;

  for (guint i = 0; i < n; i++)
    weights[i] = _kz_demo_sectors[i].weight;
  sector = &_kz_demo_sectors[_kz_demo_weighted (demo, weights, n)];

  record = _kz_demo_record_new (demo, KZ_KIND_FIRM, firm.uuid);
  firm.name = claim_name (demo, firm_name (demo, sector));
  firm.sector = sector;
  domain = _kz_demo_domain (firm.name, "example.com");
  website = g_strdup_printf ("https://www.%s", domain);
  size = _kz_demo_pick_part (demo, sector->sizes, ',');

  kz_record_set_string (record, "name", firm.name);
  kz_record_set_string (record, "sector", sector->sector);
  kz_record_set_string (record, "size", size);
  kz_record_set_string (record, "city", town->name);
  kz_record_set_string (record, "website", website);
  fill_firm_contact (demo, record, domain, town->area_code);
  g_array_append_val (demo->firms, firm);

  return _kz_demo_save (demo, record, error);
}

gboolean
_kz_demo_add_firms (KzDemo  *demo,
                    guint    n,
                    GError **error)
{
  for (guint i = 0; i < n; i++)
    if (!add_firm (demo, error))
      return FALSE;

  return TRUE;
}
