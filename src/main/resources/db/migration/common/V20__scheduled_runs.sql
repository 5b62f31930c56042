-- Scheduled runs that hold no hand-off record (alerts, the stock flow's refresh, Blue Cherry overlay, reconciliation
-- and full overlay) report a failed run as one exception of their flow keyed schedule:<route id>
-- (routeConfiguration cherrypick-scheduled), resolved by the next run that succeeds. Before, such a failure was an
-- exception whose flow and key were the route id: open ones move to the new key so that run resolves them.
update integration_exception set flow = 'alerts', business_key = 'schedule:ops-alerts'
    where flow = 'ops-alerts' and business_key = 'ops-alerts';
update integration_exception set business_key = 'schedule:' || business_key, flow = 'stock'
    where flow = business_key
      and business_key in ('stock-refresh', 'stock-to-blue-cherry', 'stock-reconciliation', 'stock-full-overlay');
