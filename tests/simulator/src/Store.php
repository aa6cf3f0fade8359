<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * The simulator's state in SQLite (state.sqlite in the state directory).
 *
 * One server process owns the database; every API request runs in one
 * transaction. WAL mode lets tests read the file while the server runs.
 * Structured details (customer, lines, contract settings) are JSON columns;
 * what is searched or counted has its own column. Amounts are integer cents.
 */
final class Store
{
    public const ENTRY_ID_BASE = 55400001;
    public const CONTACT_ID_BASE = 9300001;
    public const CONCEPT_ID_BASE = 1004701;
    public const MAIL_ID_BASE = 1;
    public const NOT_DELETED = '0000-00-00 00:00:00';

    private \PDO $db;
    private bool $inTx = false;

    public function __construct(string $file)
    {
        $this->db = new \PDO('sqlite:' . $file, null, null, [
            \PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION,
            \PDO::ATTR_DEFAULT_FETCH_MODE => \PDO::FETCH_ASSOC,
            \PDO::ATTR_STRINGIFY_FETCHES => true,
        ]);
        $this->db->exec('PRAGMA journal_mode = WAL');
        $this->db->exec('PRAGMA synchronous = NORMAL');
        $this->db->exec('PRAGMA busy_timeout = 5000');
        $this->db->exec('PRAGMA foreign_keys = ON');
        $this->migrate();
    }

    private function migrate(): void
    {
        $this->db->exec(<<<'SQL'
            CREATE TABLE IF NOT EXISTS contracts (
                code TEXT PRIMARY KEY,
                data TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS users (
                contract TEXT NOT NULL REFERENCES contracts(code) ON DELETE CASCADE,
                username TEXT NOT NULL,
                password TEXT NOT NULL,
                roleid INTEGER NOT NULL,
                PRIMARY KEY (contract, username)
            );
            CREATE TABLE IF NOT EXISTS contacts (
                id INTEGER PRIMARY KEY,
                contract TEXT NOT NULL,
                email TEXT NOT NULL DEFAULT '',
                status INTEGER NOT NULL DEFAULT 1,
                type INTEGER NOT NULL DEFAULT 1,
                data TEXT NOT NULL,
                created TEXT NOT NULL,
                updated TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS contacts_email ON contacts (contract, email);
            CREATE TABLE IF NOT EXISTS numbers (
                contract TEXT NOT NULL,
                year INTEGER NOT NULL,
                last INTEGER NOT NULL,
                PRIMARY KEY (contract, year)
            );
            CREATE TABLE IF NOT EXISTS used_numbers (
                contract TEXT NOT NULL,
                number TEXT NOT NULL,
                PRIMARY KEY (contract, number)
            );
            CREATE TABLE IF NOT EXISTS entries (
                id INTEGER PRIMARY KEY,
                contract TEXT NOT NULL,
                token TEXT NOT NULL UNIQUE,
                invoicenumber TEXT NOT NULL,
                issuedate TEXT NOT NULL,
                vattype INTEGER NOT NULL,
                countrycode TEXT NOT NULL,
                contactid INTEGER,
                conceptid INTEGER,
                paymentstatus INTEGER NOT NULL,
                paymentdate TEXT NOT NULL DEFAULT '',
                deleted TEXT NOT NULL DEFAULT '0000-00-00 00:00:00',
                total_ex INTEGER NOT NULL,
                total_vat INTEGER NOT NULL,
                costcenterid TEXT NOT NULL,
                accountid TEXT NOT NULL,
                templateid TEXT NOT NULL,
                data TEXT NOT NULL,
                created TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS entries_contract ON entries (contract, issuedate);
            CREATE TABLE IF NOT EXISTS concepts (
                id INTEGER PRIMARY KEY,
                contract TEXT NOT NULL,
                invoicenumber TEXT NOT NULL,
                contactid INTEGER,
                entryids TEXT NOT NULL DEFAULT '[]',
                data TEXT NOT NULL,
                created TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS mails (
                id INTEGER PRIMARY KEY,
                contract TEXT NOT NULL,
                token TEXT NOT NULL,
                source TEXT NOT NULL,
                data TEXT NOT NULL,
                created TEXT NOT NULL
            );
            SQL);
    }

    public function begin(): void
    {
        $this->db->exec('BEGIN IMMEDIATE');
        $this->inTx = true;
    }

    public function commit(): void
    {
        $this->db->exec('COMMIT');
        $this->inTx = false;
    }

    public function rollBack(): void
    {
        if ($this->inTx) {
            $this->inTx = false;
            $this->db->exec('ROLLBACK');
        }
    }

    /** Wipes every table. */
    public function wipe(): void
    {
        $this->db->exec('DELETE FROM users; DELETE FROM contracts; DELETE FROM contacts; DELETE FROM numbers;'
            . ' DELETE FROM used_numbers; DELETE FROM entries; DELETE FROM concepts; DELETE FROM mails;');
    }

    public function close(): void
    {
        $this->rollBack();
        try {
            $this->db->exec('PRAGMA wal_checkpoint(TRUNCATE)');
        } catch (\PDOException) {
            // Nothing to checkpoint or busy: the WAL file stays valid.
        }
    }

    private function one(string $sql, array $args = []): ?array
    {
        $st = $this->db->prepare($sql);
        $st->execute($args);
        $row = $st->fetch();
        return $row === false ? null : $row;
    }

    private function all(string $sql, array $args = []): array
    {
        $st = $this->db->prepare($sql);
        $st->execute($args);
        return $st->fetchAll();
    }

    private function run(string $sql, array $args = []): int
    {
        $st = $this->db->prepare($sql);
        $st->execute($args);
        return $st->rowCount();
    }

    private static function json(array $data): string
    {
        return json_encode($data, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }

    private static function decode(string $json): array
    {
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    private function nextId(string $table, int $base): int
    {
        $row = $this->one("SELECT MAX(id) AS m FROM $table");
        $max = $row['m'] ?? null;
        return $max === null ? $base : max((int) $max + 1, $base);
    }

    // ---- contracts and users ------------------------------------------------

    /** Creates or replaces a contract (its users are replaced when 'users' is given). */
    public function putContract(array $contract): void
    {
        $code = (string) $contract['contractcode'];
        $users = $contract['users'] ?? null;
        unset($contract['users']);
        $this->run('INSERT INTO contracts (code, data) VALUES (?, ?)'
            . ' ON CONFLICT(code) DO UPDATE SET data = excluded.data', [
            $code, self::json($contract),
        ]);
        if (is_array($users)) {
            $this->run('DELETE FROM users WHERE contract = ?', [$code]);
            foreach ($users as $u) {
                $this->putUser($code, (string) $u['username'], (string) $u['password'], (int) $u['roleid']);
            }
        }
    }

    public function putUser(string $contract, string $username, string $password, int $roleid): void
    {
        $this->run('INSERT INTO users (contract, username, password, roleid) VALUES (?, ?, ?, ?)'
            . ' ON CONFLICT(contract, username) DO UPDATE SET password = excluded.password, roleid = excluded.roleid', [
            $contract, $username, $password, $roleid,
        ]);
    }

    public function contract(string $code): ?array
    {
        $row = $this->one('SELECT data FROM contracts WHERE code = ?', [$code]);
        return $row === null ? null : self::decode($row['data']);
    }

    public function contractCodes(): array
    {
        return array_column($this->all('SELECT code FROM contracts ORDER BY code'), 'code');
    }

    /** The user row when contract, user name and password all match exactly; null otherwise. */
    public function authenticate(string $contract, string $username, string $password): ?array
    {
        $row = $this->one('SELECT contract, username, password, roleid FROM users'
            . ' WHERE contract = ? AND username = ?', [
            $contract, $username,
        ]);
        if ($row === null || !hash_equals($row['password'], $password)) {
            return null;
        }
        unset($row['password']);
        $row['roleid'] = (int) $row['roleid'];
        return $row;
    }

    public function users(string $contract): array
    {
        $rows = $this->all('SELECT username, roleid FROM users WHERE contract = ? ORDER BY username', [$contract]);
        foreach ($rows as &$r) {
            $r['roleid'] = (int) $r['roleid'];
        }
        return $rows;
    }

    // ---- contacts -----------------------------------------------------------

    public function contact(string $contract, int $id): ?array
    {
        $row = $this->one('SELECT * FROM contacts WHERE contract = ? AND id = ?', [$contract, $id]);
        return $row === null ? null : self::contactRow($row);
    }

    /** Contacts with this e-mail address (case-insensitive), active ones first, then newest first. */
    public function contactsByEmail(string $contract, string $email): array
    {
        $rows = $this->all('SELECT * FROM contacts WHERE contract = ? AND email = ? ORDER BY status DESC, id DESC', [
            $contract, mb_strtolower($email),
        ]);
        return array_map([self::class, 'contactRow'], $rows);
    }

    public function addContact(string $contract, array $fields, int $status, int $type, string $now): int
    {
        $id = $this->nextId('contacts', self::CONTACT_ID_BASE);
        $this->run('INSERT INTO contacts (id, contract, email, status, type, data, created, updated)'
            . ' VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
            $id, $contract, mb_strtolower($fields['email'] ?? ''), $status, $type, self::json($fields), $now, $now,
        ]);
        return $id;
    }

    public function updateContact(int $id, array $fields, int $status, int $type, string $now): void
    {
        $this->run('UPDATE contacts SET email = ?, status = ?, type = ?, data = ?, updated = ? WHERE id = ?', [
            mb_strtolower($fields['email'] ?? ''), $status, $type, self::json($fields), $now, $id,
        ]);
    }

    public function setContactStatus(int $id, int $status, string $now): void
    {
        $this->run('UPDATE contacts SET status = ?, updated = ? WHERE id = ?', [$status, $now, $id]);
    }

    public function contacts(string $contract): array
    {
        $rows = $this->all('SELECT * FROM contacts WHERE contract = ? ORDER BY id', [$contract]);
        return array_map([self::class, 'contactRow'], $rows);
    }

    private static function contactRow(array $row): array
    {
        return [
            'id' => (int) $row['id'],
            'contract' => $row['contract'],
            'email' => $row['email'],
            'status' => (int) $row['status'],
            'type' => (int) $row['type'],
            'fields' => self::decode($row['data']),
            'created' => $row['created'],
            'updated' => $row['updated'],
        ];
    }

    // ---- invoice numbers ----------------------------------------------------

    public function isNumberUsed(string $contract, string $number): bool
    {
        $sql = 'SELECT 1 AS x FROM used_numbers WHERE contract = ? AND number = ?';
        return $this->one($sql, [$contract, $number]) !== null;
    }

    /**
     * The next number of the contract's series for a year: the year followed
     * by a sequence number of at least 4 digits (20240016), skipping numbers
     * already used. With $reserve false nothing is written (test mode).
     */
    public function nextNumber(string $contract, int $year, bool $reserve): string
    {
        $row = $this->one('SELECT last FROM numbers WHERE contract = ? AND year = ?', [$contract, $year]);
        $seq = $row === null ? 0 : (int) $row['last'];
        do {
            $seq++;
            $number = $year . str_pad((string) $seq, 4, '0', STR_PAD_LEFT);
        } while ($this->isNumberUsed($contract, $number));
        if ($reserve) {
            $this->run('INSERT INTO numbers (contract, year, last) VALUES (?, ?, ?)'
                . ' ON CONFLICT(contract, year) DO UPDATE SET last = excluded.last', [$contract, $year, $seq]);
            $this->markNumberUsed($contract, $number);
        }
        return $number;
    }

    public function markNumberUsed(string $contract, string $number): void
    {
        $this->run('INSERT OR IGNORE INTO used_numbers (contract, number) VALUES (?, ?)', [$contract, $number]);
    }

    // ---- entries ------------------------------------------------------------

    public function addEntry(array $e): int
    {
        $id = $this->nextId('entries', self::ENTRY_ID_BASE);
        $this->run('INSERT INTO entries (id, contract, token, invoicenumber, issuedate, vattype, countrycode,'
            . ' contactid, conceptid, paymentstatus, paymentdate, deleted, total_ex, total_vat, costcenterid,'
            . ' accountid, templateid, data, created)'
            . ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
            $id, $e['contract'], $e['token'], $e['invoicenumber'], $e['issuedate'], $e['vattype'], $e['countrycode'],
            $e['contactid'], $e['conceptid'], $e['paymentstatus'], $e['paymentdate'], self::NOT_DELETED,
            $e['total_ex'], $e['total_vat'], $e['costcenterid'], $e['accountid'], $e['templateid'],
            self::json($e['data']), $e['created'],
        ]);
        return $id;
    }

    public function entry(string $contract, int $id): ?array
    {
        $row = $this->one('SELECT * FROM entries WHERE contract = ? AND id = ?', [$contract, $id]);
        return $row === null ? null : self::entryRow($row);
    }

    /** By token, in any contract when $contract is null (the PDF calls need no login). */
    public function entryByToken(?string $contract, string $token): ?array
    {
        $row = $contract === null
            ? $this->one('SELECT * FROM entries WHERE token = ?', [$token])
            : $this->one('SELECT * FROM entries WHERE contract = ? AND token = ?', [$contract, $token]);
        return $row === null ? null : self::entryRow($row);
    }

    public function updateEntry(int $id, array $columns): void
    {
        $allowed = [
            'paymentstatus', 'paymentdate', 'deleted', 'accountid', 'costcenterid', 'templateid', 'contactid', 'data',
        ];
        $sets = [];
        $args = [];
        foreach ($columns as $k => $v) {
            if (!in_array($k, $allowed, true)) {
                throw new \LogicException("column $k");
            }
            $sets[] = "$k = ?";
            $args[] = $k === 'data' ? self::json($v) : $v;
        }
        $args[] = $id;
        $this->run('UPDATE entries SET ' . implode(', ', $sets) . ' WHERE id = ?', $args);
    }

    public function entries(string $contract): array
    {
        $rows = $this->all('SELECT * FROM entries WHERE contract = ? ORDER BY id', [$contract]);
        return array_map([self::class, 'entryRow'], $rows);
    }

    public function countEntries(string $contract): int
    {
        return (int) $this->one('SELECT COUNT(*) AS n FROM entries WHERE contract = ?', [$contract])['n'];
    }

    /** Sums (cents) of live entries of a year per vattype and EU-ness, for the OSS threshold report. */
    public function entriesOfYear(string $contract, int $year): array
    {
        $sql = 'SELECT vattype, countrycode, issuedate, total_ex FROM entries'
            . ' WHERE contract = ? AND deleted = ? AND issuedate >= ? AND issuedate <= ?';
        return $this->all($sql, [$contract, self::NOT_DELETED, "$year-01-01", "$year-12-31"]);
    }

    private static function entryRow(array $row): array
    {
        foreach (['id', 'vattype', 'paymentstatus', 'total_ex', 'total_vat'] as $k) {
            $row[$k] = (int) $row[$k];
        }
        foreach (['contactid', 'conceptid'] as $k) {
            $row[$k] = $row[$k] === null ? null : (int) $row[$k];
        }
        $row['data'] = self::decode($row['data']);
        return $row;
    }

    // ---- concepts -----------------------------------------------------------

    public function addConcept(string $contract, string $number, ?int $contactid, array $data, string $now): int
    {
        $id = $this->nextId('concepts', self::CONCEPT_ID_BASE);
        $this->run('INSERT INTO concepts (id, contract, invoicenumber, contactid, data, created)'
            . ' VALUES (?, ?, ?, ?, ?, ?)', [
            $id, $contract, $number, $contactid, self::json($data), $now,
        ]);
        return $id;
    }

    public function concept(string $contract, int $id): ?array
    {
        $row = $this->one('SELECT * FROM concepts WHERE contract = ? AND id = ?', [$contract, $id]);
        return $row === null ? null : self::conceptRow($row);
    }

    public function conceptById(int $id): ?array
    {
        $row = $this->one('SELECT * FROM concepts WHERE id = ?', [$id]);
        return $row === null ? null : self::conceptRow($row);
    }

    public function addConceptEntry(int $conceptId, int $entryId): void
    {
        $row = $this->one('SELECT entryids FROM concepts WHERE id = ?', [$conceptId]);
        $ids = self::decode($row['entryids']);
        $ids[] = $entryId;
        $this->run('UPDATE concepts SET entryids = ? WHERE id = ?', [self::json($ids), $conceptId]);
    }

    public function concepts(string $contract): array
    {
        $rows = $this->all('SELECT * FROM concepts WHERE contract = ? ORDER BY id', [$contract]);
        return array_map([self::class, 'conceptRow'], $rows);
    }

    private static function conceptRow(array $row): array
    {
        $row['id'] = (int) $row['id'];
        $row['contactid'] = $row['contactid'] === null ? null : (int) $row['contactid'];
        $row['entryids'] = self::decode($row['entryids']);
        $row['data'] = self::decode($row['data']);
        return $row;
    }

    // ---- mails --------------------------------------------------------------

    public function addMail(string $contract, string $token, string $source, array $data, string $now): int
    {
        $id = $this->nextId('mails', self::MAIL_ID_BASE);
        $this->run('INSERT INTO mails (id, contract, token, source, data, created) VALUES (?, ?, ?, ?, ?, ?)', [
            $id, $contract, $token, $source, self::json($data), $now,
        ]);
        return $id;
    }

    public function mails(string $contract): array
    {
        $rows = $this->all('SELECT * FROM mails WHERE contract = ? ORDER BY id', [$contract]);
        foreach ($rows as &$r) {
            $r['id'] = (int) $r['id'];
            $r['data'] = self::decode($r['data']);
        }
        return $rows;
    }
}
