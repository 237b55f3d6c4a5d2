import { useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '../features/auth/components/sign-in-form.tsx';
import { safeReturnTo } from '../lib/return-to.ts';

export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  return (
    <div className="sign-in-page">
      <SignInForm
        expired={params.get('expired') === '1'}
        onSignedIn={() => void navigate(returnTo, { replace: true })}
      />
    </div>
  );
}
