<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Module\Addon\AcumulusConnect\Admin\Access;
use WHMCS\Module\Addon\AcumulusConnect\Admin\BatchRunner;
use WHMCS\Module\Addon\AcumulusConnect\Admin\BatchStore;
use WHMCS\Module\Addon\AcumulusConnect\Admin\BatchView;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Dashboard;
use WHMCS\Module\Addon\AcumulusConnect\Admin\DryRun;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Health;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Html;
use WHMCS\Module\Addon\AcumulusConnect\Admin\InvoiceView;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Layout;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Response;

/**
 * Addons ▸ Acumulus: reads the request and hands it to a page (Admin\*).
 *
 * GET shows: the dashboard, an invoice (search, send, resend, retry), the
 * batch form with its preview, a batch's progress and summary, a dry run,
 * the health of the set-up. Every change is a POST with the WHMCS CSRF
 * token (acumulus_action=...). The batch's progress is JSON for the page's
 * script (batch_step works, batch_status only reads).
 */
final class AdminPage
{
    private Layout $layout;

    public function __construct(private readonly array $vars)
    {
        $this->layout = new Layout((string) ($vars['modulelink'] ?? 'addonmodules.php?module=' . Settings::MODULE));
    }

    /** Kept for callers of the first version: the escaping helper of every page. */
    public static function h(mixed $v): string
    {
        return Html::e($v);
    }

    /** The page as HTML; a JSON answer is sent on its own and ends the request. */
    public function render(): string
    {
        $r = $this->handle();
        if ($r->isJson()) {
            $r->send();
        }
        return $r->body;
    }

    /** Ends the request when a POST does not carry the session's CSRF token (check_token). */
    public function guard(): void
    {
        if (($_SERVER['REQUEST_METHOD'] ?? 'GET') === 'POST') {
            Access::checkToken();
        }
    }

    public function handle(): Response
    {
        BatchStore::ensureTables();
        if (!Access::allowed()) {
            return Response::html('<div class="alert alert-danger">' . Html::e(Lang::t('access_denied')) . '</div>');
        }
        $get = $_GET;
        if (($_SERVER['REQUEST_METHOD'] ?? 'GET') === 'POST') {
            Access::checkToken(); // ends the request when the token is not the session's
            return $this->post((string) ($_POST['acumulus_action'] ?? ''), $_POST);
        }
        $action = (string) ($get['action'] ?? '');
        return match ($action) {
            'invoice' => Response::html((new InvoiceView($this->layout))->render($get)),
            'client' => Response::html((new InvoiceView($this->layout))->client((int) ($get['id'] ?? 0))),
            'batch' => Response::html((new BatchView($this->layout))->render($get)),
            'batch_status' => Response::json($this->status((int) ($get['id'] ?? 0))),
            'dryrun' => Response::html((new DryRun($this->layout))->render((int) ($get['id'] ?? 0))),
            'health' => Response::html((new Health($this->layout))->render()),
            default => Response::html((new Dashboard($this->layout))->render()),
        };
    }

    /** @param array<string, mixed> $post */
    private function post(string $action, array $post): Response
    {
        $id = Hooks::invoiceId($post['invoiceid'] ?? null);
        switch ($action) {
            case 'batch_step':
                $r = (new BatchRunner())->step((int) ($post['batch'] ?? 0));
                return Response::json($r, isset($r['error']) ? 404 : 200);
            case 'batch_start':
                return Response::html((new BatchView($this->layout))->start($post));
            case 'retry_all':
                return Response::html((new BatchView($this->layout))->retryAll((string) ($post['nonce'] ?? '')));
            case 'send':
            case 'resend':
            case 'retry':
                $view = new InvoiceView($this->layout);
                if ($id === null) {
                    $this->layout->message('danger', Lang::t('no_such_invoice'));
                    return Response::html((new Dashboard($this->layout))->render());
                }
                $view->act($action, $id, !empty($post['confirm']));
                if (($post['return'] ?? '') === 'dashboard') {
                    return Response::html((new Dashboard($this->layout))->render());
                }
                return Response::html($view->render(['id' => (string) $id]));
            case 'check_credentials':
                return Response::html((new Health($this->layout))->recheck());
            default:
                $this->layout->message('danger', Lang::t('unknown_action'));
                return Response::html((new Dashboard($this->layout))->render());
        }
    }

    /** @return array<string, mixed> */
    private function status(int $batchId): array
    {
        $runner = new BatchRunner();
        $runner->collect($batchId);
        return $runner->progress($batchId);
    }

    public function sidebar(): string
    {
        $ext = Extension::loaded() ? 'acumulus ' . phpversion('acumulus') : Lang::t('extension_not_loaded');
        return Html::fill('<div class="sidebar-header">{title}</div><ul class="menu"><li>{version}</li><li>{ext}</li>'
            . '<li><a href="{health}">{health_label}</a></li></ul>', [
            'title' => 'Acumulus', 'version' => Lang::t('version', Config::VERSION), 'ext' => $ext,
            'health' => $this->layout->url(['action' => 'health']), 'health_label' => Lang::t('tab_health'),
        ]);
    }
}
