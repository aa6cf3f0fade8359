<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;

/**
 * Sends API requests to a simulator the way a client does: request XML built
 * with DOM (so every value is escaped), posted as form field xmlstring,
 * URL-encoded or multipart, over HTTPS verified with the throw-away CA.
 */
final class ApiClient
{
    /** @var \CurlHandle */
    private $curl;

    public function __construct(private readonly Simulator $sim)
    {
        $this->curl = curl_init();
    }

    /** The default contract block (or another user's). */
    public static function contract(
        string $user = Simulator::USER,
        string $password = Simulator::PASSWORD,
        string $code = Simulator::CONTRACT
    ): array {
        return ['contractcode' => $code, 'username' => $user, 'password' => $password];
    }

    /**
     * XML from nested arrays: a string is a text element, an associative array
     * holds child elements, a list repeats the element. Backslashes are written
     * as &#92; (acumulus-api.md §1.4).
     */
    public static function xml(array $tree, string $root = 'myxml'): string
    {
        $doc = new \DOMDocument('1.0', 'UTF-8');
        $doc->appendChild(self::element($doc, $root, $tree));
        $xml = $doc->saveXML();
        return str_replace('\\', '&#92;', $xml);
    }

    private static function element(\DOMDocument $doc, string $name, array|string|int $value): \DOMElement
    {
        $el = $doc->createElement($name);
        if (!is_array($value)) {
            $el->appendChild($doc->createTextNode((string) $value));
            return $el;
        }
        foreach ($value as $k => $v) {
            if (is_array($v) && array_is_list($v)) {
                // a list repeats the element; an empty list writes none
                foreach ($v as $item) {
                    $el->appendChild(self::element($doc, (string) $k, $item));
                }
            } else {
                $el->appendChild(self::element($doc, (string) $k, $v));
            }
        }
        return $el;
    }

    /**
     * Calls an endpoint ('invoices/invoice_add'). $tree is the request below the root; the default
     * contract and format json are added unless given (contract => false leaves it out).
     * Options: encoding (urlencoded|multipart), raw (the xmlstring as is), timeout (s), fresh (new connection).
     */
    public function call(string $endpoint, array $tree = [], array $options = []): ApiResult
    {
        if (!array_key_exists('contract', $tree)) {
            $tree = ['contract' => self::contract()] + $tree;
        } elseif ($tree['contract'] === false) {
            unset($tree['contract']);
        }
        $tree += ['format' => 'json'];
        $xml = $options['raw'] ?? self::xml($tree);
        $fields = ['xmlstring' => $xml];
        $encoding = $options['encoding'] ?? 'urlencoded';
        $url = $this->sim->baseUrl() . '/' . $endpoint . '.php';
        return $this->post($url, $encoding === 'multipart' ? $fields : http_build_query($fields), $options);
    }

    public function post(string $url, array|string $body, array $options = []): ApiResult
    {
        return $this->exec($url, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body], $options);
    }

    public function get(string $url, array $options = []): ApiResult
    {
        return $this->exec($url, [CURLOPT_HTTPGET => true], $options);
    }

    /** curl options every request gets: TLS verified with the simulator's CA. */
    public static function baseOptions(Simulator $sim, float $timeout = 10.0): array
    {
        $o = [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT_MS => (int) ($timeout * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => 5000,
            CURLOPT_SSL_VERIFYPEER => true,
            CURLOPT_SSL_VERIFYHOST => 2,
            CURLOPT_HTTP_VERSION => CURL_HTTP_VERSION_1_1,
        ];
        if ($sim->caFile() !== null) {
            $o[CURLOPT_CAINFO] = $sim->caFile();
        }
        return $o;
    }

    private function exec(string $url, array $method, array $options): ApiResult
    {
        $h = !empty($options['fresh']) ? curl_init() : $this->curl;
        curl_reset($h);
        $body = '';
        // A write callback keeps what arrived, also when the transfer then fails (truncated body).
        $collect = static function ($ch, string $chunk) use (&$body): int {
            $body .= $chunk;
            return strlen($chunk);
        };
        $base = self::baseOptions($this->sim, (float) ($options['timeout'] ?? 10.0));
        unset($base[CURLOPT_RETURNTRANSFER]);
        curl_setopt_array($h, $base + $method + [CURLOPT_URL => $url, CURLOPT_WRITEFUNCTION => $collect]);
        curl_exec($h);
        $r = new ApiResult(
            (int) curl_getinfo($h, CURLINFO_RESPONSE_CODE),
            (string) curl_getinfo($h, CURLINFO_CONTENT_TYPE),
            $body,
            curl_errno($h),
            curl_error($h),
            (int) curl_getinfo($h, CURLINFO_NUM_CONNECTS),
        );
        if ($h !== $this->curl) {
            curl_close($h);
        }
        return $r;
    }

    /** A minimal valid invoice (customer with invoice and lines) for invoice_add. */
    public static function invoice(array $invoice = [], array $customer = [], ?array $lines = null): array
    {
        $lines ??= [['product' => 'Webhosting', 'unitprice' => '10.00', 'quantity' => '1', 'vatrate' => '21']];
        return ['customer' => $customer + [
            'type' => '1',
            'fullname' => 'Jan Jansen',
            'email' => 'jan@example.com',
            'countrycode' => 'NL',
            'invoice' => $invoice + ['issuedate' => '2026-03-01', 'vattype' => '1', 'line' => $lines],
        ]];
    }
}
