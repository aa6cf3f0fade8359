<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * The control and inspection interface under /_sim/ (not part of the real
 * API): JSON in, JSON out. docs/simulator.md documents every route.
 */
final class Control
{
    public function __construct(private readonly App $app)
    {
    }

    public function handle(HttpRequest $req): HttpResponse
    {
        $path = rtrim(substr($req->path(), strlen('/_sim')), '/');
        $m = $req->method;
        try {
            $body = [];
            if (in_array($m, ['POST', 'PUT', 'DELETE'], true) && trim($req->body) !== '') {
                $body = json_decode($req->body, true, 64, JSON_THROW_ON_ERROR);
                if (!is_array($body)) {
                    throw new \InvalidArgumentException('the request body must be a JSON object');
                }
            }
            return match (true) {
                $path === '' || $path === '/health' => $this->ok($this->health()),
                $path === '/reset' && $m === 'POST' => $this->reset($body),
                $path === '/state' && $m === 'GET' => $this->ok($this->state(null, $req->query())),
                $m === 'GET' && preg_match('#^/state/(contracts|contacts|entries|concepts|mails)$#', $path, $pm) === 1
                    => $this->ok($this->state($pm[1], $req->query())),
                $path === '/contracts' && $m === 'POST' => $this->putContract($body),
                $path === '/users' && $m === 'POST' => $this->putUser($body),
                $path === '/contacts' && $m === 'POST' => $this->addContact($body),
                $path === '/faults' && $m === 'GET' => $this->ok($this->app->faults->all()),
                $path === '/faults' && $m === 'POST' => $this->addFaults($body),
                ($path === '/faults' && $m === 'DELETE'),
                ($path === '/faults/clear' && $m === 'POST') => $this->clearFaults(),
                $path === '/latency' && $m === 'GET' => $this->ok($this->app->latency()),
                $path === '/latency' && $m === 'POST' => $this->setLatency($body),
                $path === '/config' && $m === 'GET' => $this->ok($this->app->config->all()),
                $path === '/config' && $m === 'POST' => $this->setConfig($body),
                $path === '/counters' && $m === 'GET' => $this->ok($this->app->counters->toArray()),
                $path === '/counters/reset' && $m === 'POST' => $this->resetCounters(),
                $path === '/requests' && $m === 'GET' => $this->ok($this->app->recent()),
                preg_match('#^/concepts/(\d+)/finalize$#', $path, $pm) === 1 && $m === 'POST'
                    => $this->ok($this->app->api->finalizeConcept((int) $pm[1])),
                default => HttpResponse::json(404, ['error' => 'unknown control route ' . $m . ' /_sim' . $path]),
            };
        } catch (\JsonException $e) {
            return HttpResponse::json(400, ['error' => 'invalid JSON: ' . $e->getMessage()]);
        } catch (\InvalidArgumentException $e) {
            return HttpResponse::json(400, ['error' => $e->getMessage()]);
        }
    }

    private function ok(mixed $data): HttpResponse
    {
        return HttpResponse::json(200, $data);
    }

    private function health(): array
    {
        $about = ['ok' => true, 'simulator' => 'acumulus', 'version' => Api::VERSION, 'pid' => getmypid()];
        return $about + $this->app->info;
    }

    private function reset(array $body): HttpResponse
    {
        $this->app->reset((bool) ($body['contracts'] ?? true));
        return $this->ok(['reset' => true]);
    }

    private function state(?string $part, array $query): array|\stdClass
    {
        $store = $this->app->store;
        $codes = isset($query['contract']) ? [(string) $query['contract']] : $store->contractCodes();
        $out = [];
        foreach ($codes as $code) {
            $contract = $store->contract($code);
            if ($contract === null) {
                continue;
            }
            $parts = [
                'contracts' => fn (): array => $contract + ['users' => $store->users($code)],
                'contacts' => fn (): array => $store->contacts($code),
                'entries' => fn (): array => array_map([self::class, 'entryView'], $store->entries($code)),
                'concepts' => fn (): array => $store->concepts($code),
                'mails' => fn (): array => $store->mails($code),
            ];
            foreach ($parts as $name => $get) {
                if ($part === null || $part === $name) {
                    $out[$name][$code] = $get();
                }
            }
        }
        return $part === null ? $out : ($out[$part] ?? new \stdClass());
    }

    private static function entryView(array $e): array
    {
        $e['total_ex'] = bcdiv((string) $e['total_ex'], '100', 2);
        $e['total_vat'] = bcdiv((string) $e['total_vat'], '100', 2);
        return $e;
    }

    private function putContract(array $body): HttpResponse
    {
        if (!isset($body['contractcode']) || preg_match('/^\d{1,12}$/', (string) $body['contractcode']) !== 1) {
            throw new \InvalidArgumentException('contractcode (digits) is required');
        }
        foreach ($body['users'] ?? [] as $u) {
            self::checkUser($u);
        }
        $c = Defaults::completeContract($body);
        $c['contractcode'] = (string) $body['contractcode'];
        $this->app->store->begin();
        $this->app->store->putContract($c);
        $this->app->store->commit();
        return $this->ok(['contractcode' => $c['contractcode']]);
    }

    private static function checkUser(mixed $u): void
    {
        if (
            !is_array($u) || !is_string($u['username'] ?? null) || !is_string($u['password'] ?? null)
            || !in_array($u['roleid'] ?? null, [1, 2, 3, 4, 5, 6], true)
        ) {
            throw new \InvalidArgumentException('a user needs username and password (strings) and roleid 1..6');
        }
    }

    private function putUser(array $body): HttpResponse
    {
        self::checkUser($body);
        $code = (string) ($body['contractcode'] ?? Defaults::CONTRACT);
        if ($this->app->store->contract($code) === null) {
            throw new \InvalidArgumentException("no contract $code");
        }
        $this->app->store->begin();
        $this->app->store->putUser($code, $body['username'], $body['password'], $body['roleid']);
        $this->app->store->commit();
        return $this->ok(['contractcode' => $code, 'username' => $body['username']]);
    }

    /** Adds a contact directly (e.g. to have duplicates for disableduplicates). */
    private function addContact(array $body): HttpResponse
    {
        $code = (string) ($body['contractcode'] ?? Defaults::CONTRACT);
        if ($this->app->store->contract($code) === null) {
            throw new \InvalidArgumentException("no contract $code");
        }
        $fields = array_map('strval', (array) ($body['fields'] ?? []));
        $store = $this->app->store;
        $store->begin();
        $status = (int) ($body['status'] ?? 1);
        $id = $store->addContact($code, $fields, $status, (int) ($body['type'] ?? 1), date('Y-m-d H:i:s'));
        $store->commit();
        return $this->ok(['contactid' => $id]);
    }

    /** One fault object, or {"faults": [...]}. */
    private function addFaults(array $body): HttpResponse
    {
        $specs = isset($body['faults']) && is_array($body['faults']) ? $body['faults'] : [$body];
        $added = [];
        foreach ($specs as $spec) {
            $added[] = $this->app->faults->add((array) $spec);
        }
        return $this->ok(['added' => $added]);
    }

    private function clearFaults(): HttpResponse
    {
        $this->app->faults->clear();
        return $this->ok(['cleared' => true]);
    }

    private function setLatency(array $body): HttpResponse
    {
        if (!is_int($body['ms'] ?? null) || $body['ms'] < 0) {
            throw new \InvalidArgumentException('ms (integer >= 0) is required');
        }
        $ep = (string) ($body['endpoint'] ?? '*');
        $ep = preg_replace('/\.php$/', '', ltrim($ep, '/')) ?? '*';
        if ($ep !== '*' && !isset(Api::ENDPOINTS[$ep])) {
            throw new \InvalidArgumentException('unknown endpoint ' . $ep);
        }
        $this->app->setLatency($body['ms'], $ep);
        return $this->ok($this->app->latency());
    }

    private function setConfig(array $body): HttpResponse
    {
        $this->app->config->set($body);
        return $this->ok($this->app->config->all());
    }

    private function resetCounters(): HttpResponse
    {
        $this->app->counters->reset();
        return $this->ok(['reset' => true]);
    }
}
