<?php

declare(strict_types=1);

namespace WhmcsSandbox\Db;

use Illuminate\Database\Connection;
use InvalidArgumentException;
use WHMCS\Database\Capsule;

/**
 * One database behind WHMCS\Database\Capsule, named by a DSN:
 *
 *   sqlite::memory:                        private to this process (the default)
 *   sqlite:/abs/path/whmcs.sqlite          a file: shareable between processes
 *                                          (WAL journal, 10 s busy timeout)
 *   mysql://user:pass@host:port/dbname     MariaDB over TCP
 *   mysql://root@localhost/whmcs?unix_socket=/tmp/x/mysqld.sock
 *
 * MariaDB connections use charset utf8 (utf8mb3) and sql_mode
 * NO_ENGINE_SUBSTITUTION (illuminate's "strict => false"), as the WHMCS
 * installs the reference describes.
 */
final class Database
{
    /** @param array<string,mixed> $config illuminate connection config */
    private function __construct(
        public readonly string $dsn,
        public readonly string $driver,
        public readonly array $config,
    ) {
    }

    public static function fromDsn(string $dsn): self
    {
        if ($dsn === 'sqlite::memory:' || $dsn === 'sqlite::memory') {
            return new self($dsn, 'sqlite', ['driver' => 'sqlite', 'database' => ':memory:', 'prefix' => '']);
        }
        if (str_starts_with($dsn, 'sqlite:')) {
            $path = substr($dsn, strlen('sqlite:'));
            if ($path === '' || $path[0] !== '/') {
                throw new InvalidArgumentException("sqlite DSN needs an absolute path: $dsn");
            }
            if (!is_dir(dirname($path))) {
                mkdir(dirname($path), 0777, true);
            }
            if (!is_file($path)) {
                touch($path);
            }
            return new self($dsn, 'sqlite', ['driver' => 'sqlite', 'database' => $path, 'prefix' => '']);
        }
        if (str_starts_with($dsn, 'mysql://') || str_starts_with($dsn, 'mariadb://')) {
            $u = parse_url($dsn);
            if ($u === false || !isset($u['path']) || trim($u['path'], '/') === '') {
                throw new InvalidArgumentException("mysql DSN needs a database name: $dsn");
            }
            parse_str($u['query'] ?? '', $q);
            $config = [
                'driver' => 'mysql',
                'host' => $u['host'] ?? 'localhost',
                'port' => $u['port'] ?? 3306,
                'database' => trim($u['path'], '/'),
                'username' => rawurldecode($u['user'] ?? 'root'),
                'password' => rawurldecode($u['pass'] ?? ''),
                'charset' => 'utf8',
                'collation' => 'utf8_unicode_ci',
                'prefix' => '',
                'strict' => false,
            ];
            if (isset($q['unix_socket']) && is_string($q['unix_socket'])) {
                $config['unix_socket'] = $q['unix_socket'];
            }
            return new self($dsn, 'mysql', $config);
        }
        throw new InvalidArgumentException("unknown database DSN: $dsn");
    }

    public function isShareable(): bool
    {
        return !($this->driver === 'sqlite' && $this->config['database'] === ':memory:');
    }

    /** Makes this database the one behind Capsule (and Eloquent) in this process. */
    public function connect(): Connection
    {
        $capsule = new Capsule();
        $capsule->addConnection($this->config);
        $capsule->setAsGlobal();
        $capsule->bootEloquent();
        $connection = Capsule::connection();
        if ($this->driver === 'sqlite') {
            $pdo = $connection->getPdo();
            $pdo->exec('PRAGMA busy_timeout = 10000');
            if ($this->isShareable()) {
                $pdo->exec('PRAGMA journal_mode = WAL');
                $pdo->exec('PRAGMA synchronous = NORMAL');
            }
        }
        return $connection;
    }

    /** Drops every table (WHMCS's and any an addon created), then creates the WHMCS schema. */
    public function install(): void
    {
        $connection = Capsule::connection();
        foreach ($this->tables() as $table) {
            $connection->statement($this->driver === 'mysql'
                ? 'DROP TABLE IF EXISTS `' . str_replace('`', '``', $table) . '`'
                : 'DROP TABLE IF EXISTS "' . str_replace('"', '""', $table) . '"');
        }
        foreach (Schema::tableNames() as $table) {
            if ($this->driver === 'mysql') {
                $connection->statement(Schema::mariadb($table));
            } else {
                foreach (Schema::sqlite($table) as $sql) {
                    $connection->statement($sql);
                }
            }
        }
    }

    /** @return list<string> every table in the database */
    public function tables(): array
    {
        $connection = Capsule::connection();
        if ($this->driver === 'mysql') {
            $rows = $connection->select('SELECT table_name AS name FROM information_schema.tables'
                . ' WHERE table_schema = DATABASE() ORDER BY table_name');
        } else {
            $rows = $connection->select("SELECT name FROM sqlite_master WHERE type = 'table'"
                . " AND name NOT LIKE 'sqlite_%' ORDER BY name");
        }
        return array_map(static fn (object $r): string => (string) $r->name, $rows);
    }

    /**
     * The columns of a table as the database reports them.
     *
     * @return list<string>
     */
    public function columns(string $table): array
    {
        return Capsule::schema()->getColumnListing($table);
    }

    /** A DSN with any password masked, for messages. */
    public function describe(): string
    {
        return (string) preg_replace('#//([^:@/]*):[^@/]*@#', '//$1:***@', $this->dsn);
    }
}
