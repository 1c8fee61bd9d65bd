package dev.muster.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A subtree search read page by page (RFC 2696) on one connection of the pool, since the paging cookie belongs to
 * the connection. Either every page arrives or the search fails: a partial result is never returned.
 */
final class PagedSearch {
    private static final Set<ResultCode> TRANSIENT = Set.of(ResultCode.BUSY, ResultCode.UNAVAILABLE,
            ResultCode.TIMEOUT, ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR);

    private final LDAPConnectionPool pool;
    private final int pageSize;
    private final int timeLimitSeconds;

    PagedSearch(LDAPConnectionPool pool, int pageSize, int timeLimitSeconds) {
        this.pool = pool;
        this.pageSize = pageSize;
        this.timeLimitSeconds = timeLimitSeconds;
    }

    List<SearchResultEntry> search(String what, String base, Filter filter, String... attributes) {
        LDAPConnection connection = connection(what);
        var entries = new ArrayList<SearchResultEntry>();
        try {
            ASN1OctetString cookie = null;
            int page = 0;
            while (true) {
                page++;
                var request = new SearchRequest(base, SearchScope.SUB, filter, attributes);
                request.setTimeLimitSeconds(timeLimitSeconds);
                request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
                SearchResult result = connection.search(request);
                if (result.getReferenceCount() > 0) {
                    throw new DirectoryReadFailed("the " + what + " search under " + base + " returned "
                            + result.getReferenceCount() + " referral(s), which are not followed; the read is "
                            + "incomplete", code(ResultCode.REFERRAL), false, null);
                }
                entries.addAll(result.getSearchEntries());
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                if (response == null || !response.moreResultsToReturn()) {
                    pool.releaseConnection(connection);
                    return entries;
                }
                cookie = response.getCookie();
            }
        } catch (LDAPException e) {
            pool.releaseConnectionAfterException(connection, e);
            throw failure("the " + what + " search under " + base + " failed after " + entries.size()
                    + " entries: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.releaseDefunctConnection(connection);
            throw e;
        }
    }

    private LDAPConnection connection(String what) {
        try {
            return pool.getConnection();
        } catch (LDAPException e) {
            throw failure("no connection to the directory for the " + what + " search: " + e.getMessage(), e);
        }
    }

    static DirectoryReadFailed failure(String message, LDAPException e) {
        ResultCode rc = e.getResultCode();
        boolean retryable = !ResultCode.isConnectionUsable(rc) || TRANSIENT.contains(rc);
        return new DirectoryReadFailed(message, code(rc), retryable, e);
    }

    static String code(ResultCode rc) {
        return rc.intValue() + " (" + rc.getName() + ")";
    }
}
