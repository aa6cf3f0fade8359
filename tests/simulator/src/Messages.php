<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * Every error and warning the simulator gives: codetag => [code, English, Dutch].
 *
 * Codetags from acumulus-api.md §2.4 are the real ones. Codetags starting with
 * "SIM" are the simulator's own, for situations whose real codetag is unknown
 * (docs/simulator.md, "Known differences / choices"). Messages are sprintf
 * formats; arguments are plain text (the response writer escapes them).
 */
final class Messages
{
    public const HTTP = [
        400 => '400 Bad Request',
        403 => '403 Forbidden',
        404 => '404 Not Found',
        500 => '500 Internal Server Error',
    ];

    private const ALL = [
        // authentication and authorisation
        'AF1001MCS' => [403, 'Mandatory contract section missing', 'Verplichte contract sectie ontbreekt'],
        'SIMAUTH01' => [
            403,
            'Forbidden - Invalid contractcode, username or password. Not authorized to perform request.',
            'Verboden - Ongeldige contractcode, gebruikersnaam of wachtwoord. Niet geautoriseerd voor dit verzoek.',
        ],
        'SIMAUTH02' => [
            403,
            'Mandatory field %s missing in contract section',
            'Verplicht veld %s ontbreekt in contract sectie',
        ],
        'SIMAUTH03' => [
            400,
            'A contract section is not allowed for %s',
            'Een contract sectie is niet toegestaan bij %s',
        ],
        'A8N403GCN' => [
            403,
            'Forbidden - Insufficient credential level for %s. Not authorized to perform request.',
            'Verboden - Onvoldoende rechten voor %s. Niet geautoriseerd voor dit verzoek.',
        ],
        'XUPR7NEC8' => [
            '553',
            'Deprecated user role: this role will no longer be accepted for API use. Please add a user with'
                . ' an API role.',
            'Verouderde gebruikersrol: deze rol wordt binnenkort niet meer geaccepteerd voor de API. Voeg'
                . ' een gebruiker met een API-rol toe.',
        ],
        // envelope
        'SIMXML001' => [
            400,
            'Invalid XML: the submitted xmlstring could not be parsed (%s)',
            'Ongeldige XML: de ingezonden xmlstring kon niet worden gelezen (%s)',
        ],
        'SIMXML002' => [
            400,
            'No XML submitted: the xmlstring field is missing or empty',
            'Geen XML ingezonden: het veld xmlstring ontbreekt of is leeg',
        ],
        'SIMREQ001' => [400, 'Missing mandatory field %s', 'Verplicht veld %s ontbreekt'],
        'SIMREQ002' => [400, 'Invalid value (%s) for field %s', 'Ongeldige waarde (%s) voor veld %s'],
        'SIMEXC500' => [
            500,
            'Exception: an internal error occurred (simulated). Please contact Acumulus technical support.',
            'Exceptie: er is een interne fout opgetreden (gesimuleerd). Neem contact op met de technische'
                . ' ondersteuning van Acumulus.',
        ],
        // invoice_add
        'SIMINV001' => [400, 'Missing mandatory customer section', 'Verplichte customer sectie ontbreekt'],
        'SIMINV002' => [
            400,
            'Missing mandatory invoice section in customer',
            'Verplichte invoice sectie ontbreekt in customer',
        ],
        'SIMINV003' => [
            400,
            'An invoice without invoice lines is not permitted',
            'Een factuur zonder factuurregels is niet toegestaan',
        ],
        'SIMINV004' => [
            400,
            'Invalid value (%s) in field %s of line %d',
            'Ongeldige waarde (%s) in veld %s van regel %d',
        ],
        'SIMINV005' => [
            400,
            'Vatrate %s of line %d is not allowed for vattype %d (country %s, date %s). Allowed: %s',
            'Btw-tarief %s van regel %d is niet toegestaan bij btw-type %d (land %s, datum %s). Toegestaan: %s',
        ],
        'SIMINV006' => [
            400,
            'Vattype %d cannot be used for country %s on %s',
            'Btw-type %d kan niet worden gebruikt voor land %s op %s',
        ],
        'SIMINV007' => [
            400,
            'Line %d: costprice is mandatory for the margin scheme (vattype 5)',
            'Regel %d: costprice is verplicht bij de margeregeling (btw-type 5)',
        ],
        'SIMINV008' => [
            400,
            'Invalid date (%s) in field %s. Use YYYY-MM-DD',
            'Ongeldige datum (%s) in veld %s. Gebruik JJJJ-MM-DD',
        ],
        'SIMINV009' => [
            400,
            'Invalid invoice number (%s): only positive integers are accepted',
            'Ongeldig factuurnummer (%s): alleen positieve gehele getallen zijn toegestaan',
        ],
        'SIMINV010' => [400, 'Invoice number %s is already in use', 'Factuurnummer %s is al in gebruik'],
        'SIMINV011' => [
            400,
            'The booking period is locked until %s. The invoice was not added',
            'De boekingsperiode is afgesloten tot en met %s. De factuur is niet toegevoegd',
        ],
        'SIMINV012' => [
            400,
            'The maximum number of entries (%d) of this contract has been reached',
            'Het maximum aantal boekingen (%d) van dit contract is bereikt',
        ],
        'SIMINV013' => [
            400,
            'Invalid e-mail address (%s) in %s: no e-mail has been sent',
            'Ongeldig e-mailadres (%s) in %s: er is geen e-mail verstuurd',
        ],
        'SIMINV014' => [
            400,
            'Missing emailto in emailaspdf: no e-mail has been sent',
            'emailto ontbreekt in emailaspdf: er is geen e-mail verstuurd',
        ],
        'WW83E0ZZ' => [
            '400 Deprecated Request',
            'Deprecated use of a costcenter name (%s). Please use numeric identifier for costcenter.',
            'Verouderd gebruik van een kostenplaatsnaam (%s). Please use numeric identifier for costcenter.',
        ],
        'CE005BVTC' => [
            '511',
            'Incorrect vattype value used (%s) in vattype tag. Using default value of 1 (national, regular invoice).',
            'Onjuiste waarde voor vattype gebruikt (%s). De standaardwaarde 1 (nationaal, normale factuur)'
                . ' wordt gebruikt.',
        ],
        // payment status
        'DATE590ZW' => [
            400,
            'Missing mandatory paymentdate field. Please provide a date (YYYY-MM-DD).',
            'Verplicht veld paymentdate ontbreekt. Geef een datum op (JJJJ-MM-DD).',
        ],
        'DATE590ZW.range' => [
            400,
            'Incorrect date range (2000-01-01 to 2099-12-31) or invalid date format (YYYY-MM-DD) used in'
                . ' paymentdate field. We received: %s',
            'Onjuist datumbereik (2000-01-01 tot 2099-12-31) of ongeldig datumformaat (JJJJ-MM-DD) in veld'
                . ' paymentdate. Ontvangen: %s',
        ],
        '7CFBA8K' => [400, 'Requested invoice for %s not found', 'Opgevraagde factuur voor %s niet gevonden'],
        'AAB6C3AA' => [400, 'Requested invoice for %s not found', 'Opgevraagde factuur voor %s niet gevonden'],
        'SIMPAY001' => [
            400,
            'Invalid paymentstatus value (%s). Use 1 (due) or 2 (paid)',
            'Ongeldige waarde voor paymentstatus (%s). Gebruik 1 (openstaand) of 2 (betaald)',
        ],
        // entries
        'XGYBSN000' => [
            404,
            'Requested invoice for entry %s not found',
            'Opgevraagde factuur voor boeking %s niet gevonden',
        ],
        'XCM7ELO12' => [
            400,
            'Invalid entrydeletestatus value supplied',
            'Ongeldige waarde voor entrydeletestatus opgegeven',
        ],
        'XCM7ELO14' => [
            400,
            'Invalid entrydeletestatus value supplied',
            'Ongeldige waarde voor entrydeletestatus opgegeven',
        ],
        'P2XFELO12' => [
            404,
            'Requested for entryid: %s not found or forbidden',
            'Opgevraagd voor entryid: %s niet gevonden of niet toegestaan',
        ],
        'SIMUPD001' => [
            400,
            'Invalid value (%s) for %s: no changes made',
            'Ongeldige waarde (%s) voor %s: er is niets gewijzigd',
        ],
        // concepts
        'FGY040XX' => [
            400,
            'Requested invoice for concept %s not found: No definitive invoice has yet been created for this concept.',
            'Opgevraagde factuur voor concept %s niet gevonden: er is nog geen definitieve factuur van dit'
                . ' concept gemaakt.',
        ],
        'FGYBSN048' => [
            400,
            'Information not available for %s older than %s.',
            'Informatie niet beschikbaar voor %s ouder dan %s.',
        ],
        // mail and pdf
        'GK6FKHU52' => [
            '400 Bad Request',
            'Incorrect invoicetype value used (%s) in invoicetype tag. Using default value of 0 normal.',
            'Onjuiste waarde voor invoicetype gebruikt (%s). De standaardwaarde 0 (normaal) wordt gebruikt.',
        ],
        'TNFE4035G' => [
            400,
            'Requested token not found or invalid token supplied. Unable to proceed.',
            'Opgevraagde token niet gevonden of ongeldige token opgegeven. Kan niet verder.',
        ],
        'SIMMAIL01' => [400, 'Missing mandatory emailaspdf section', 'Verplichte emailaspdf sectie ontbreekt'],
        'AA69CBAA' => [400, 'Invalid token.', 'Ongeldige token.'],
        'ZKFATNF04' => [
            400,
            'Requested packing slip for %s not found or no longer available.',
            'Opgevraagde pakbon voor %s niet gevonden of niet meer beschikbaar.',
        ],
        // lookups, reports, contacts, stock, signup
        'AA6A45AA' => [400, 'Invalid country code (%s)', 'Ongeldige landcode (%s)'],
        'SIMVAT001' => [400, 'Invalid vatdate (%s). Use YYYY-MM-DD', 'Ongeldige vatdate (%s). Gebruik JJJJ-MM-DD'],
        'AAC37EAA' => [
            400,
            'Invalid year. EU rules apply from 2021.',
            'Ongeldig year. EU regelgeving van toepassing vanaf 2021.',
        ],
        'SIMCON001' => [404, 'Requested contact %s not found', 'Opgevraagd contact %s niet gevonden'],
        'AA5B85AA' => [404, 'Invalid productid', 'Ongeldig productid'],
        'AA7E10AA' => [400, 'Mandatory companyname missing', 'Verplichte companyname ontbreekt'],
        'AAC8C3AA' => [400, 'Mandatory fullname missing', 'Verplichte fullname ontbreekt'],
        'AAFA1AAA' => [400, 'Mandatory loginname missing', 'Verplichte loginname ontbreekt'],
        'AAE9CDAA' => [400, 'Mandatory address missing', 'Verplichte address ontbreekt'],
        'AAC34DAA' => [400, 'Mandatory postalcode missing', 'Verplichte postalcode ontbreekt'],
        'AA6894AA' => [400, 'Incorrect postalcode', 'Onjuiste postalcode'],
        'AABC1FAA' => [400, 'Mandatory city missing', 'Verplichte city ontbreekt'],
    ];

    /** @return array{code: string, codetag: string, message: string, http: int} */
    public static function get(string $key, string $lang, array $args = []): array
    {
        if (!isset(self::ALL[$key])) {
            throw new \LogicException("unknown message $key");
        }
        [$code, $en, $nl] = self::ALL[$key];
        $format = $lang === 'nl' ? $nl : $en;
        $http = is_int($code) ? $code : (int) $code;
        return [
            'code' => is_int($code) ? self::HTTP[$code] : $code,
            'codetag' => explode('.', $key)[0],
            'message' => $args === [] ? $format : vsprintf($format, $args),
            'http' => $http >= 400 && $http < 600 ? $http : 400,
        ];
    }

    /** @return list<string> every codetag (for the documentation test). */
    public static function codetags(): array
    {
        $tags = array_map(static fn (string $k): string => explode('.', $k)[0], array_keys(self::ALL));
        return array_values(array_unique($tags));
    }
}
